using FluentValidation;
using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin.Broadcast;
using Hromada.Core.Residents;

namespace Hromada.Bots.Api.Broadcasts;

internal sealed class BroadcastListQueryValidator : AbstractValidator<BroadcastListQuery>
{
    public BroadcastListQueryValidator() =>
        RuleFor(query => query.Limit).InclusiveBetween(1, BroadcastListQuery.MaxLimit);
}

/// <summary>A broadcast to create: the text by /broadcast's rule (Core's validator), the audience from Hromada's fixed lists.</summary>
internal sealed class CreateBroadcastRequestValidator : AbstractValidator<CreateBroadcastRequest>
{
    /// <summary>Telegram fetches a photo by address up to this long.</summary>
    public const int MaxPhotoUrlLength = 2048;

    private static readonly BroadcastTextValidator TextRule = new();

    public CreateBroadcastRequestValidator(CommunityDirectory communities)
    {
        RuleFor(request => request.CommunityId).NotEmpty().ExistingCommunity(communities);

        RuleForEach(request => request.Spheres).ExistingSphere();

        RuleForEach(request => request.Statuses)
            .Must(status => EnumName.Parse<ResidentStatus>(status) is not null)
            .WithMessage($"A status must be {EnumName.List<ResidentStatus>()}.");

        RuleFor(request => request.Text).Cascade(CascadeMode.Stop).NotNull()
            .Custom((text, context) => context.Apply(TextRule, text!.Trim()));

        RuleFor(request => request.PhotoUrl)
            .MaximumLength(MaxPhotoUrlLength)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("photoUrl must be an absolute http or https address.")
            .When(request => request.PhotoUrl is not null);
    }
}
