using FluentValidation;
using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Ideas;

namespace Hromada.Bots.Api.Ideas;

internal sealed class IdeaListQueryValidator : AbstractValidator<IdeaListQuery>
{
    public IdeaListQueryValidator(CommunityDirectory communities)
    {
        Include(new PageQueryValidator<IdeaListQuery>(communities));
        RuleFor(query => query.Status)
            .Must(status => EnumName.Parse<IdeaStatus>(status) is not null).When(query => query.Status is not null)
            .WithMessage($"The status must be {EnumName.List<IdeaStatus>()}.");
    }
}

/// <summary>A step to take: a status a moderator gives, and a reason exactly when rejecting, by the rule of /moderate.</summary>
internal sealed class IdeaStatusRequestValidator : AbstractValidator<IdeaStatusRequest>
{
    private static readonly ReasonValidator ReasonRule = new();

    public IdeaStatusRequestValidator()
    {
        RuleFor(request => request.Status).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must((request, _) => request.ParsedStatus is not null).WithMessage($"The status must be {EnumName.List(IdeaStatusRequest.Targets)}.");
        When(request => request.ParsedStatus == IdeaStatus.Rejected, () =>
            RuleFor(request => request.Reason).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("A rejection needs a reason for the author.")
                .Custom((reason, context) => context.Apply(ReasonRule, reason!.Trim())))
            .Otherwise(() =>
                RuleFor(request => request.Reason).Null().WithMessage("Only a rejection takes a reason."));
    }
}
