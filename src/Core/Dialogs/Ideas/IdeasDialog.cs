using System.Globalization;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Ideas;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Ideas.IdeasState;

namespace Hromada.Core.Dialogs.Ideas;

/// <summary>
/// /ideas: the public ideas of the resident's community and the national level, the most supported
/// first; opening one shows it with its supporters and average rating, and lets the resident support
/// it once and rate it. "My ideas" lists the resident's own ideas in every status. "/ideas {id}"
/// (the button under a status notice) opens one idea at once.
/// </summary>
public sealed class IdeasDialog(IIdeaStore ideas, IdeaMessages messages) : Dialog<IdeasState>
{
    public const string IdeaPrefix = "idea:";
    public const string RatePrefix = "rate:";
    public const string Mine = "mine";
    public const string Support = "support";
    public const string Back = "back";
    public const int ListLimit = 20;
    private const int LabelLength = 60;

    public override string Name => "ideas";

    public override IReadOnlyList<string> Commands => ["/ideas"];

    protected override IdeasState FirstState => AwaitingIdea;

    /// <summary>An idea id given with the command opens that idea instead of the list.</summary>
    public override async Task StartAsync(DialogContext context)
    {
        if (BotCommand.From(context.Message) is { Argument.Length: > 0 })
        {
            context.Session.Dialog = Name;
            context.Session.State = FirstState.ToString();
            await ContinueAsync(context);
            return;
        }

        await base.StartAsync(context);
    }

    protected override async Task LoadAsync(DialogContext context)
    {
        var state = Enum.Parse<IdeasState>(context.Session.State!);
        var pressed = context.Message.ButtonData;
        if (state == AwaitingIdea || pressed == Back)
        {
            context.Keep(new Ranking(await ideas.ListPublishedAsync(CommunitiesOf(context), ListLimit, context.CancellationToken)));
        }

        if ((state == AwaitingIdea && pressed == Mine) || state == AwaitingOwnIdea)
        {
            context.Keep(new OwnIdeas(await ideas.ListByAuthorAsync(context.Resident!.Id, context.CancellationToken)));
        }

        // The idea chosen now; failing that, while one is open, the open one (shown again after a refusal).
        var view = IdeaIdIn(context.Message) is { } chosen ? await ViewAsync(context, chosen) : null;
        if (view is null && state == AwaitingAction && new IdeaDraft(context.Session).IdeaId is { } open)
        {
            view = await ViewAsync(context, open);
        }

        if (view is not null)
        {
            context.Keep(view);
        }
    }

    protected override void Configure(StateMachine<IdeasState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new IdeaDraft(context.Session);
        var pressed = context.Message.ButtonData;
        var back = pressed == Back;
        var mine = pressed == Mine;
        var acting = pressed == Support || RatingIn(pressed) is not null;

        // Stateless evaluates every guard of a trigger; the idea must be taken once.
        var opened = new Lazy<bool>(() => TakeIdea(context, draft));

        machine.Configure(AwaitingIdea)
            .PermitIf(OptionChosen, AwaitingOwnIdea, () => mine)
            .PermitIf(OptionChosen, AwaitingAction, () => !mine && opened.Value)
            .PermitReentryIf(OptionChosen, () => !mine && !opened.Value)
            .PermitIf(TextReceived, AwaitingAction, () => opened.Value)
            .PermitReentryIf(TextReceived, () => !opened.Value);

        machine.Configure(AwaitingOwnIdea)
            .PermitIf(OptionChosen, AwaitingIdea, () => back)
            .PermitIf(OptionChosen, AwaitingAction, () => !back && opened.Value)
            .PermitReentryIf(OptionChosen, () => !back && !opened.Value);

        // Support and rating act and show the idea again; an idea button from an older list opens that idea.
        machine.Configure(AwaitingAction)
            .PermitIf(OptionChosen, AwaitingIdea, () => back)
            .PermitReentryIf(OptionChosen, () => acting || (IdeaIdIn(context.Message) is not null && opened.Value))
            .OnEntryAsync(() => acting ? ActAsync(context) : Task.CompletedTask);
    }

    protected override OutboundReply? Ask(IdeasState state, DialogContext context) => state switch
    {
        AwaitingIdea => AskIdea(context),
        AwaitingOwnIdea => AskOwnIdea(context),
        AwaitingAction => ShowIdea(context),
        _ => null,
    };

    private static OutboundReply AskIdea(DialogContext context)
    {
        var ranking = context.Loaded<Ranking>()!.Ideas;
        var rows = ranking
            .Select(ranked => (IReadOnlyList<ReplyButton>)[new ReplyButton(
                $"👍 {ranked.Tally.Supporters.ToString(CultureInfo.InvariantCulture)} · {Shorten(ranked.Idea.Title)}",
                IdeaPrefix + ranked.Idea.Id)])
            .ToList();
        rows.Add([Button(context, "Ideas_Submit", "/idea"), Button(context, "Ideas_Mine", Mine)]);
        rows.Add([Button(context, "Menu_Button", "/menu")]);
        return new OutboundReply(context.Text(ranking.Count == 0 ? "Ideas_None" : "Ideas_List")) { Buttons = rows };
    }

    private static OutboundReply AskOwnIdea(DialogContext context)
    {
        var own = context.Loaded<OwnIdeas>()!.Ideas;
        var rows = own
            .Select(idea => (IReadOnlyList<ReplyButton>)[new ReplyButton($"{IdeaMessages.Status(context, idea.Status)} · {Shorten(idea.Title)}", IdeaPrefix + idea.Id)])
            .ToList();
        rows.Add(own.Count == 0
            ? [Button(context, "Ideas_Submit", "/idea"), Button(context, "Ideas_Back", Back)]
            : [Button(context, "Ideas_Back", Back)]);
        return new OutboundReply(context.Text(own.Count == 0 ? "Ideas_MineNone" : "Ideas_MineList")) { Buttons = rows };
    }

    /// <summary>The idea and what the resident may do with it: support it, rate it once supported, or nothing with their own.</summary>
    private OutboundReply ShowIdea(DialogContext context)
    {
        var backRow = (IReadOnlyList<ReplyButton>)[Button(context, "Ideas_Back", Back)];
        if (context.Loaded<IdeaView>() is not { } view)
        {
            return new OutboundReply(context.Text("Problem_IdeaUnavailable")) { Buttons = [backRow] };
        }

        var (idea, tally, support, notice) = view;
        var text = new List<string>();
        if (notice is not null)
        {
            text.Add(notice);
        }

        text.Add(messages.Describe(context, idea, tally));
        var rows = new List<IReadOnlyList<ReplyButton>>();
        if (idea.AuthorResidentId == context.Resident!.Id)
        {
            text.Add(context.Text("Ideas_YourIdea"));
        }
        else if (support is not null)
        {
            text.Add(support.Rating is { } rating ? context.Text("Ideas_YourRating", rating) : context.Text("Ideas_RatePrompt"));
            rows.Add([.. Enumerable.Range(IdeaSupport.MinRating, IdeaSupport.MaxRating - IdeaSupport.MinRating + 1).Select(value => new ReplyButton(
                (support.Rating == value ? "✅ " : "") + value.ToString(CultureInfo.InvariantCulture),
                RatePrefix + value.ToString(CultureInfo.InvariantCulture)))]);
        }
        else
        {
            text.Add(context.Text("Ideas_SupportPrompt"));
            rows.Add([Button(context, "Ideas_Support", Support)]);
        }

        rows.Add(backRow);
        return new OutboundReply(string.Join("\n\n", text)) { PhotoUrl = idea.PhotoId, Buttons = rows };
    }

    /// <summary>Takes the idea of an "idea:" button or of "/ideas {id}" when the resident may see it.</summary>
    private static bool TakeIdea(DialogContext context, IdeaDraft draft)
    {
        if (IdeaIdIn(context.Message) is not { } chosen)
        {
            return IdeaMessages.Unexpected(context);
        }

        if (context.Loaded<IdeaView>() is not { } view || view.Idea.Id != chosen)
        {
            context.Problem = context.Text("Problem_IdeaUnavailable");
            return false;
        }

        draft.IdeaId = view.Idea.Id;
        return true;
    }

    /// <summary>
    /// Supports or rates the open idea, then reads it again so the counts shown include this press.
    /// A refusal (own idea, supported already, rating before supporting) is said before the idea.
    /// </summary>
    private async Task ActAsync(DialogContext context)
    {
        if (context.Loaded<IdeaView>() is not { } view)
        {
            return;
        }

        var residentId = context.Resident!.Id;
        var idea = view.Idea;
        string? notice = null;
        if (idea.AuthorResidentId == residentId)
        {
            context.Problem = context.Text("Ideas_OwnIdea");
        }
        else if (!idea.IsPublic)
        {
            context.Problem = context.Text("Problem_IdeaUnavailable");
        }
        else if (RatingIn(context.Message.ButtonData) is { } rating)
        {
            var rated = await ideas.RateAsync(idea.Id, residentId, rating, context.Now, context.CancellationToken);
            notice = rated is null ? null : context.Text("Ideas_Rated", rating);
            context.Problem = rated is null ? context.Text("Ideas_SupportFirst") : null;
        }
        else if (await ideas.SupportAsync(idea.Id, residentId, context.Now, context.CancellationToken))
        {
            notice = context.Text("Ideas_Supported");
        }
        else
        {
            context.Problem = context.Text("Ideas_AlreadySupported");
        }

        if (await ViewAsync(context, idea.Id) is { } fresh)
        {
            context.Keep(fresh with { Notice = notice });
        }
    }

    /// <summary>The idea with its tally and the resident's own support; null unless it is public here or the resident's own.</summary>
    private async Task<IdeaView?> ViewAsync(DialogContext context, string ideaId)
    {
        var idea = await ideas.GetAsync(ideaId, context.CancellationToken);
        var residentId = context.Resident!.Id;
        if (idea is null || !(idea.AuthorResidentId == residentId || (idea.IsPublic && CommunitiesOf(context).Contains(idea.CommunityId))))
        {
            return null;
        }

        var tally = await ideas.TallyAsync(idea.Id, context.CancellationToken);
        var support = await ideas.FindSupportAsync(idea.Id, residentId, context.CancellationToken);
        return new IdeaView(idea, tally, support, null);
    }

    private static string[] CommunitiesOf(DialogContext context) =>
        [.. new[] { context.Resident!.CommunityId ?? Community.NationalId, Community.NationalId }.Distinct()];

    private static string? IdeaIdIn(InboundMessage message)
    {
        var pressed = message.ButtonData;
        if (pressed is not null && pressed.StartsWith(IdeaPrefix, StringComparison.Ordinal))
        {
            return pressed[IdeaPrefix.Length..];
        }

        return BotCommand.From(message) is { Argument.Length: > 0 } command ? command.Argument : null;
    }

    private static int? RatingIn(string? pressed) =>
        pressed is not null && pressed.StartsWith(RatePrefix, StringComparison.Ordinal)
            && int.TryParse(pressed.AsSpan(RatePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var rating)
            && IdeaSupport.IsRating(rating)
            ? rating
            : null;

    private static string Shorten(string text) => text.Length <= LabelLength ? text : text[..(LabelLength - 1)] + "…";

    private static ReplyButton Button(DialogContext context, string key, string data) => new(context.Text(key), data);

    private sealed record Ranking(IReadOnlyList<RankedIdea> Ideas);

    private sealed record OwnIdeas(IReadOnlyList<Idea> Ideas);

    /// <param name="Support">The resident's own support, if they gave one.</param>
    /// <param name="Notice">What the resident's press did, said before the idea.</param>
    private sealed record IdeaView(Idea Idea, IdeaTally Tally, IdeaSupport? Support, string? Notice);
}
