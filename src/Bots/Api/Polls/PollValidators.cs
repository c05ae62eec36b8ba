using FluentValidation;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Polls;

namespace Hromada.Bots.Api.Polls;

internal sealed class PollListQueryValidator : AbstractValidator<PollListQuery>
{
    public PollListQueryValidator(CommunityDirectory communities)
    {
        Include(new PageQueryValidator<PollListQuery>(communities));
        RuleFor(query => query.Status)
            .Must(status => EnumName.Parse<PollStatus>(status) is not null).When(query => query.Status is not null)
            .WithMessage($"The status must be {EnumName.List<PollStatus>()}.");
    }
}

/// <summary>
/// A poll to create: the question and options by the same rules as /newpoll and /propose (Core's
/// validators), the rest by the poll's type and kind, and dates that lie ahead.
/// </summary>
internal sealed class CreatePollRequestValidator : AbstractValidator<CreatePollRequest>
{
    public const int MaxHorizonLength = 50;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);
    private static readonly int[] ScaleTops = [5, 10];
    private static readonly QuestionValidator QuestionRule = new();
    private static readonly OptionsValidator OptionsRule = new();

    public CreatePollRequestValidator(CommunityDirectory communities, TimeProvider time)
    {
        RuleFor(request => request.CommunityId).NotEmpty().ExistingCommunity(communities);

        RuleFor(request => request.Question).Cascade(CascadeMode.Stop).NotNull()
            .Custom((question, context) => context.Apply(QuestionRule, question!.Trim()));

        RuleFor(request => request.Type)
            .Must(type => EnumName.Parse<PollType>(type) is not null).When(request => request.Type is not null)
            .WithMessage($"The type must be {EnumName.List<PollType>()}.");

        When(request => request.ParsedType != PollType.Scale, () =>
        {
            RuleFor(request => request.Options).Cascade(CascadeMode.Stop).NotNull()
                .Custom((options, context) => context.Apply(OptionsRule, [.. options!.Select(option => option.Trim())]));
            RuleFor(request => request.ScaleTop).Null().WithMessage("Only a scale poll takes scaleTop.");
        }).Otherwise(() =>
        {
            RuleFor(request => request.Options).Empty().WithMessage("A scale poll takes scaleTop instead of options.");
            RuleFor(request => request.ScaleTop).NotNull().Must(top => ScaleTops.Contains(top!.Value)).WithMessage("The scale runs to 5 or to 10.");
        });

        When(request => request.ParsedType == PollType.MultipleChoice, () =>
            RuleFor(request => request.MaxChoices)
                .NotNull()
                .Must((request, max) => max >= 2 && max <= (request.Options?.Count ?? 0))
                .WithMessage("maxChoices must be 2 up to the number of options."))
            .Otherwise(() =>
                RuleFor(request => request.MaxChoices).Must(max => max is null or 1).WithMessage("Only a multipleChoice poll takes maxChoices above 1."));

        RuleFor(request => request.Kind)
            .Must(kind => EnumName.Parse<PollKind>(kind) is not null).When(request => request.Kind is not null)
            .WithMessage($"The kind must be {EnumName.List<PollKind>()}.");
        When(request => request.ParsedKind == PollKind.Strategic, () =>
            RuleFor(request => request.Horizon).NotEmpty().MaximumLength(MaxHorizonLength))
            .Otherwise(() =>
                RuleFor(request => request.Horizon).Null().WithMessage("Only a strategic poll takes a horizon."));

        RuleForEach(request => request.Spheres).ExistingSphere();

        RuleFor(request => request.OpensAt)
            .Must(opensAt => opensAt <= time.GetUtcNow() + MaxAhead).When(request => request.OpensAt is not null)
            .WithMessage("opensAt must be within a year.");
        RuleFor(request => request.ClosesAt)
            .NotNull()
            .Must(closesAt => closesAt > time.GetUtcNow()).WithMessage("closesAt must lie ahead.")
            .Must(closesAt => closesAt <= time.GetUtcNow() + MaxAhead).WithMessage("closesAt must be within a year.")
            .Must((request, closesAt) => request.OpensAt is null || closesAt > request.OpensAt).WithMessage("closesAt must come after opensAt.");
    }
}
