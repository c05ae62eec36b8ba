using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Spheres;
using Hromada.Core.Subscriptions;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Subscribe.SubscribeState;

namespace Hromada.Core.Dialogs.Subscribe;

/// <summary>
/// /subscribe: shows what the resident hears about and how, and changes one setting at a time (spheres,
/// communities, delivery, quiet hours), each stored as soon as it is answered.
/// </summary>
public sealed class SubscribeDialog(CommunityDirectory communities) : Dialog<SubscribeState>
{
    public const string SettingPrefix = "setting:";
    public const string AddPrefix = "add:";
    public const string RemovePrefix = "remove:";
    public const string DeliveryPrefix = "delivery:";
    public const string QuietPrefix = "quiet:";
    public const string QuietOff = QuietPrefix + "off";
    public const string Done = "done";

    /// <summary>Communities followed besides the national level, at most.</summary>
    public const int MaxCommunities = 10;

    /// <summary>The ranges offered as buttons; others are typed.</summary>
    public static readonly IReadOnlyList<QuietHours> CommonQuietHours = [new(22, 8), new(23, 7), new(21, 9), new(0, 7)];

    private const int SearchResults = 8;
    private static readonly QuietHoursTextValidator QuietHoursRule = new();

    public override string Name => "subscribe";

    public override IReadOnlyList<string> Commands => ["/subscribe"];

    protected override SubscribeState FirstState => AwaitingSetting;

    public override Task StartAsync(DialogContext context)
    {
        new SubscriptionDraft(context.Session).LoadFrom(Subscription.Of(context.Resident!));
        return base.StartAsync(context);
    }

    protected override void Configure(StateMachine<SubscribeState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new SubscriptionDraft(context.Session);
        var chosen = context.Message.ButtonData;

        machine.Configure(AwaitingSetting)
            .PermitIf(OptionChosen, AwaitingSpheres, () => chosen == SettingPrefix + "spheres")
            .PermitIf(OptionChosen, AwaitingCommunities, () => chosen == SettingPrefix + "communities")
            .PermitIf(OptionChosen, AwaitingDelivery, () => chosen == SettingPrefix + "delivery")
            .PermitIf(OptionChosen, AwaitingQuietHours, () => chosen == SettingPrefix + "quiet")
            .PermitIf(OptionChosen, Completed, () => chosen == Done);

        var spheres = machine.Configure(AwaitingSpheres).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(spheres, OptionChosen, AwaitingSetting, () => ProfileQuestions.TakeSpheres(context, draft.SphereStep));

        var found = new Lazy<bool>(() => Search(context, draft));
        var places = machine.Configure(AwaitingCommunities)
            .OnExit(transition => SaveUnlessAskedAgain(transition, context, draft))
            .PermitReentryIf(TextReceived, () => found.Value);
        Step(places, OptionChosen, AwaitingSetting, () => TakeCommunity(context, draft));

        var delivery = machine.Configure(AwaitingDelivery).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(delivery, OptionChosen, AwaitingSetting, () => TakeDelivery(context, draft));

        var quiet = machine.Configure(AwaitingQuietHours).OnExit(transition => SaveUnlessAskedAgain(transition, context, draft));
        Step(quiet, OptionChosen, AwaitingSetting, () => TakeQuietHoursButton(context, draft));
        Step(quiet, TextReceived, AwaitingSetting, () => context.Accept(
            QuietHoursRule, QuietHoursText.Parse(context.Message.Text ?? ""), typed => draft.QuietHours = typed.ToQuietHours()));
    }

    protected override OutboundReply? Ask(SubscribeState state, DialogContext context)
    {
        var draft = new SubscriptionDraft(context.Session);
        return state switch
        {
            AwaitingSetting => new OutboundReply(Summary(context, draft.ToSubscription()))
            {
                Buttons =
                [
                    [Setting(context, "spheres"), Setting(context, "communities")],
                    [Setting(context, "delivery"), Setting(context, "quiet")],
                    [new ReplyButton(context.Text("Subscribe_Finish"), Done)],
                ],
            },
            AwaitingSpheres => ProfileQuestions.AskSpheres(context, draft.SphereStep),
            AwaitingCommunities => AskCommunities(context, draft),
            AwaitingDelivery => new OutboundReply(context.Text("Subscribe_AskDelivery"))
            {
                Buttons = [.. Enum.GetValues<Delivery>().Select(option => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                    (option == draft.Delivery ? "✅ " : "") + context.Text($"Delivery_{option}"), DeliveryPrefix + option)])],
            },
            AwaitingQuietHours => new OutboundReply(context.Text("Subscribe_AskQuietHours"))
            {
                Buttons =
                [
                    .. CommonQuietHours.Select(hours => new ReplyButton(
                        (hours == draft.QuietHours ? "✅ " : "") + hours, $"{QuietPrefix}{hours.StartHour}-{hours.EndHour}")).Chunk(2),
                    [new ReplyButton((draft.QuietHours is null ? "✅ " : "") + context.Text("QuietHours_Off"), QuietOff)],
                ],
            },
            Completed => MenuDialog.Menu(context, context.Text("Subscribe_Saved")),
            _ => null,
        };
    }

    /// <summary>The settings as the resident reads them; the national level is listed with the communities as it is always followed.</summary>
    private string Summary(DialogContext context, Subscription subscription)
    {
        var spheres = string.Join(", ", subscription.Spheres.Where(Sphere.Exists).Select(sphere => context.Text($"Sphere_{sphere}")));
        var places = string.Join(", ", subscription.Places.Select(id => PlaceName(context, id)));
        var quiet = subscription.QuietHours?.ToString() ?? context.Text("QuietHours_Off");
        return context.Text("Subscribe_Summary", spheres, places, context.Text($"Delivery_{subscription.Delivery}"), quiet);
    }

    /// <summary>The followed communities as remove buttons, and the last search's matches as add buttons.</summary>
    private OutboundReply AskCommunities(DialogContext context, SubscriptionDraft draft)
    {
        var followed = draft.Communities;
        var list = followed.Count == 0 ? context.Text("Subscribe_NoCommunities") : string.Join(", ", followed.Select(id => PlaceName(context, id)));
        var buttons = followed
            .Select(id => (IReadOnlyList<ReplyButton>)[new ReplyButton("❌ " + PlaceName(context, id), RemovePrefix + id)])
            .Concat(draft.Found.Select(id => (IReadOnlyList<ReplyButton>)[new ReplyButton("➕ " + PlaceName(context, id), AddPrefix + id)]))
            .Append([new ReplyButton(context.Text("Subscribe_Finish"), Done)])
            .ToList();
        return new OutboundReply(context.Text("Subscribe_AskCommunities", list, MaxCommunities)) { Buttons = buttons };
    }

    /// <summary>A typed part of a name is searched; the matches not followed yet are offered, and the question asked again.</summary>
    private bool Search(DialogContext context, SubscriptionDraft draft)
    {
        var followed = draft.Communities;
        var matches = communities.Search(context.Message.Text ?? "", SearchResults)
            .Where(community => !community.IsNational && !followed.Contains(community.Id))
            .Select(community => community.Id)
            .ToList();
        draft.Found = matches;
        if (matches.Count == 0)
        {
            context.Problem = context.Text("Problem_CommunityNotFound");
        }

        return true;
    }

    /// <summary>Done moves on; a pressed community is added or removed, and the question asked again.</summary>
    private bool TakeCommunity(DialogContext context, SubscriptionDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (pressed == Done)
        {
            draft.Found = [];
            return true;
        }

        var followed = draft.Communities;
        if (pressed.StartsWith(RemovePrefix, StringComparison.Ordinal) && followed.Contains(pressed[RemovePrefix.Length..]))
        {
            draft.Communities = [.. followed.Where(id => id != pressed[RemovePrefix.Length..])];
        }
        else if (!pressed.StartsWith(AddPrefix, StringComparison.Ordinal) || communities.Find(pressed[AddPrefix.Length..]) is not { IsNational: false } added)
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
        }
        else if (followed.Count >= MaxCommunities && !followed.Contains(added.Id))
        {
            context.Problem = context.Text("Problem_TooManyCommunities", MaxCommunities);
        }
        else
        {
            draft.Communities = [.. followed.Append(added.Id).Distinct()];
            draft.Found = [.. draft.Found.Where(id => id != added.Id)];
        }

        return false;
    }

    private static bool TakeDelivery(DialogContext context, SubscriptionDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (!pressed.StartsWith(DeliveryPrefix, StringComparison.Ordinal)
            || !Enum.TryParse<Delivery>(pressed[DeliveryPrefix.Length..], out var delivery)
            || !Enum.IsDefined(delivery))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        draft.Delivery = delivery;
        return true;
    }

    /// <summary>Off, or one of the offered ranges (checked as if typed, so a forged button is refused too).</summary>
    private static bool TakeQuietHoursButton(DialogContext context, SubscriptionDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (pressed == QuietOff)
        {
            draft.QuietHours = null;
            return true;
        }

        if (!pressed.StartsWith(QuietPrefix, StringComparison.Ordinal))
        {
            context.Problem = context.Text("Problem_UnexpectedInput");
            return false;
        }

        return context.Accept(QuietHoursRule, QuietHoursText.Parse(pressed[QuietPrefix.Length..]), hours => draft.QuietHours = hours.ToQuietHours());
    }

    /// <summary>Stores an answered setting on the resident; a question asked again (refused input, a toggle) stores nothing yet.</summary>
    private static void SaveUnlessAskedAgain(
        StateMachine<SubscribeState, DialogTrigger>.Transition transition, DialogContext context, SubscriptionDraft draft)
    {
        if (transition.IsReentry)
        {
            return;
        }

        var resident = context.Resident!;
        resident.Subscription = draft.ToSubscription();
        context.SaveResident(resident);
    }

    private string PlaceName(DialogContext context, string id) =>
        communities.Find(id) is { } community ? CommunityDirectory.NameOf(community, context.Language) : id;

    private static ReplyButton Setting(DialogContext context, string setting) =>
        new(context.Text($"Subscribe_Field_{setting}"), SettingPrefix + setting);
}
