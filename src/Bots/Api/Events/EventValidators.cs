using FluentValidation;
using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin.NewEvent;
using Hromada.Core.Events;

namespace Hromada.Bots.Api.Events;

internal sealed class EventListQueryValidator : AbstractValidator<EventListQuery>
{
    public EventListQueryValidator(CommunityDirectory communities)
    {
        RuleFor(query => query.Community).ExistingCommunity(communities);
        RuleFor(query => query.From).IsoTime();
        RuleFor(query => query.To).Cascade(CascadeMode.Stop).IsoTime()
            .Must((query, to) => IsoTime.Parse(query.From) is not { } from || IsoTime.Parse(to) > from)
            .When(query => query.To is not null)
            .WithMessage("to must come after from.");
        RuleFor(query => query.Offset).InclusiveBetween(0, EventListQuery.MaxOffset);
        RuleFor(query => query.Limit).InclusiveBetween(1, EventListQuery.MaxLimit);
    }
}

/// <summary>
/// An event to create: title, place and start by the same rules as /newevent (Core's validators), the
/// type and spheres from Hromada's fixed lists, and an end after the start.
/// </summary>
internal sealed class CreateEventRequestValidator : AbstractValidator<CreateEventRequest>
{
    /// <summary>One calendar entry: a longer undertaking is announced by its sessions.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    private static readonly EventTitleValidator TitleRule = new();
    private static readonly EventPlaceValidator PlaceRule = new();
    private static readonly EventStartValidator StartRule = new();

    public CreateEventRequestValidator(CommunityDirectory communities, TimeProvider time)
    {
        RuleFor(request => request.CommunityId).NotEmpty().ExistingCommunity(communities);

        RuleFor(request => request.Title).Cascade(CascadeMode.Stop).NotNull()
            .Custom((title, context) => context.Apply(TitleRule, title!.Trim()));

        RuleFor(request => request.Type).Cascade(CascadeMode.Stop).NotEmpty()
            .Must(type => EnumName.Parse<EventType>(type) is not null)
            .WithMessage($"The type must be {EnumName.List<EventType>()}.");

        RuleFor(request => request.StartsAt).Cascade(CascadeMode.Stop).NotNull().IsoTime()
            .Custom((startsAt, context) => context.Apply(StartRule, new EventStart(IsoTime.Parse(startsAt), time.GetUtcNow())));

        RuleFor(request => request.EndsAt).Cascade(CascadeMode.Stop).IsoTime()
            .Must((request, endsAt) => IsoTime.Parse(request.StartsAt) is not { } start || IsoTime.Parse(endsAt) > start)
            .WithMessage("endsAt must come after startsAt.")
            .Must((request, endsAt) => IsoTime.Parse(request.StartsAt) is not { } start || IsoTime.Parse(endsAt) <= start + MaxDuration)
            .WithMessage($"endsAt must be within {MaxDuration.Days} days of startsAt.")
            .When(request => request.EndsAt is not null);

        RuleFor(request => request.Place).Cascade(CascadeMode.Stop).NotNull()
            .Custom((place, context) => context.Apply(PlaceRule, place!.Trim()));

        RuleForEach(request => request.Spheres).ExistingSphere();
    }
}
