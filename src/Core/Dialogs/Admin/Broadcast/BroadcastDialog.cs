using System.Text;
using Hromada.Core.Broadcasts;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Ideas;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Hromada.Core.Spheres;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Admin.Broadcast.BroadcastState;
using BroadcastRecord = Hromada.Core.Broadcasts.Broadcast;

namespace Hromada.Core.Dialogs.Admin.Broadcast;

/// <summary>
/// /broadcast: the audience (one of the moderator's communities or all of them, optional spheres and
/// statuses), the text, an optional photo, then a preview of the exact message with the recipient
/// count; on Confirm it is stored as queued and <see cref="BroadcastWorker"/> fans it out, so the
/// moderator hears "queued" at once. "/broadcast status" shows the progress of their latest broadcasts.
/// </summary>
public sealed class BroadcastDialog(
    AdminGuard guard,
    CommunityQuestion communityQuestion,
    CommunityDirectory communities,
    BroadcastSender sender,
    BroadcastWorker worker,
    IBroadcastStore broadcasts)
    : AdminDialog<BroadcastState>(guard)
{
    public const string AudienceOne = "audience:one";
    public const string AudienceAll = "audience:all";
    public const string SpherePrefix = "sphere:";
    public const string StatusPrefix = "status:";
    public const string Done = "done";
    public const string SkipPhoto = IdeaDialog.SkipPhoto;

    /// <summary>How many of their latest broadcasts "/broadcast status" shows.</summary>
    public const int RecentShown = 5;

    private static readonly BroadcastTextValidator TextRule = new();
    private static readonly IdeaPhotoValidator PhotoRule = new();
    private static readonly DialogTrigger[] PhotoStepInputs = [PhotoReceived, TextReceived, LocationReceived, ContactReceived];

    public override string Name => "broadcast";

    public override IReadOnlyList<string> Commands => ["/broadcast"];

    protected override BroadcastState FirstState => AwaitingAudience;

    protected override async Task BeginAsync(DialogContext context)
    {
        if (Argument(context).Trim().ToLowerInvariant() is "status" or "статус")
        {
            context.Reply(AdminReplies.WithMenu(context, await StatusTextAsync(context)));
            return;
        }

        await base.BeginAsync(context);
    }

    /// <summary>The preview needs the recipient count, read from the store as the photo step ends.</summary>
    protected override async Task LoadAsync(DialogContext context)
    {
        if (context.Session.State is nameof(AwaitingPhoto) or nameof(AwaitingConfirmation))
        {
            context.Keep(new RecipientCount(await sender.CountRecipientsAsync(Audience(context), context.CancellationToken)));
        }
    }

    protected override void Configure(StateMachine<BroadcastState, DialogTrigger> machine, DialogContext context)
    {
        var admin = new AdminDraft(context.Session);
        var draft = new BroadcastDraft(context.Session);

        Fork(machine.Configure(AwaitingAudience), OptionChosen, () => TakeAudience(context, draft), AwaitingCommunity, AwaitingSpheres);

        var community = machine.Configure(AwaitingCommunity);
        Step(community, OptionChosen, AwaitingSpheres, () => communityQuestion.Take(context, Scope(context).Communities, admin));
        Step(community, TextReceived, AwaitingSpheres, () => communityQuestion.Take(context, Scope(context).Communities, admin));

        Fork(machine.Configure(AwaitingSpheres), OptionChosen, () => ToggleSphere(context, draft), AwaitingStatuses);
        Fork(machine.Configure(AwaitingStatuses), OptionChosen, () => ToggleStatus(context, draft), AwaitingText);

        Step(machine.Configure(AwaitingText), TextReceived, AwaitingPhoto,
            () => context.Accept(TextRule, context.Message.Text?.Trim() ?? "", text => draft.Text = text));

        var photo = machine.Configure(AwaitingPhoto);
        foreach (var input in PhotoStepInputs)
        {
            Step(photo, input, AwaitingConfirmation,
                () => context.Accept(PhotoRule, context.Message.PhotoId ?? "", photoId => draft.PhotoId = photoId));
        }

        Step(photo, OptionChosen, AwaitingConfirmation, () => context.Message.ButtonData == SkipPhoto || Unexpected(context));
        photo.OnExit(() => draft.BroadcastId ??= Guid.NewGuid().ToString("N"));

        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(async () =>
        {
            var outcome = await sender.SubmitAsync(Scope(context), Draft(context), context.CancellationToken);
            context.Keep(new Submitted(outcome));
            if (outcome == ModerationOutcome.Done)
            {
                worker.Wake();
            }
        });
    }

    protected override OutboundReply? Ask(BroadcastState state, DialogContext context)
    {
        var draft = new BroadcastDraft(context.Session);
        return state switch
        {
            AwaitingAudience => new OutboundReply(context.Text("Broadcast_AskAudience"))
            {
                Buttons =
                [
                    [new ReplyButton(context.Text("Broadcast_AudienceOne"), AudienceOne)],
                    [new ReplyButton(context.Text("Broadcast_AudienceAll"), AudienceAll)],
                ],
            },
            AwaitingCommunity => communityQuestion.Ask(context, "Broadcast_AskCommunity", Scope(context).Communities, new AdminDraft(context.Session)),
            AwaitingSpheres => Toggles(context, "Broadcast_AskSpheres", Sphere.All.Select(id => (context.Text($"Sphere_{id}"), SpherePrefix + id, draft.Spheres.Contains(id)))),
            AwaitingStatuses => Toggles(context, "Broadcast_AskStatuses", Enum.GetValues<ResidentStatus>().Select(status =>
                (context.Text($"Stats_Status{status}"), StatusPrefix + status, draft.Statuses.Contains(status)))),
            AwaitingText => new OutboundReply(context.Text("Broadcast_AskText", BroadcastTextValidator.MaxLength)),
            AwaitingPhoto => new OutboundReply(context.Text("Broadcast_AskPhoto"))
            {
                Buttons = [[new ReplyButton(context.Text("Idea_SkipPhoto"), SkipPhoto)]],
            },
            AwaitingConfirmation => Preview(context),
            Completed when context.Loaded<Submitted>()?.Outcome is { } outcome and not ModerationOutcome.Done => AdminReplies.NotDone(context, outcome),
            Completed => AdminReplies.WithMenu(context, context.Text("Broadcast_Queued", context.Loaded<RecipientCount>()?.Count ?? 0)),
            _ => null,
        };
    }

    /// <summary>
    /// The exact message as a reply of its own, then the question with the count, so the moderator
    /// sees what every recipient will see.
    /// </summary>
    private static OutboundReply Preview(DialogContext context)
    {
        context.Reply(BroadcastSender.Message(Draft(context)));
        return new OutboundReply(context.Text("Broadcast_Confirm", context.Loaded<RecipientCount>()?.Count ?? 0))
        {
            Buttons = [[new ReplyButton(context.Text("Broadcast_Send"), "confirm"), new ReplyButton(context.Text("Admin_Cancel"), "/cancel")]],
        };
    }

    private static OutboundReply Toggles(DialogContext context, string textKey, IEnumerable<(string Label, string Data, bool Chosen)> options) =>
        new(context.Text(textKey))
        {
            Buttons =
            [
                .. options.Select(option => new ReplyButton(option.Chosen ? $"✅ {option.Label}" : option.Label, option.Data)).Chunk(2),
                [new ReplyButton(context.Text("Broadcast_Done"), Done)],
            ],
        };

    private static BroadcastState? TakeAudience(DialogContext context, BroadcastDraft draft)
    {
        switch (context.Message.ButtonData)
        {
            case AudienceOne:
                draft.AllCommunities = false;
                return AwaitingCommunity;
            case AudienceAll:
                draft.AllCommunities = true;
                return AwaitingSpheres;
            default:
                Unexpected(context);
                return null;
        }
    }

    /// <summary>A sphere pressed is added or taken away and the question asked again; Done moves on.</summary>
    private static BroadcastState? ToggleSphere(DialogContext context, BroadcastDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (pressed == Done)
        {
            return AwaitingStatuses;
        }

        var sphere = pressed.StartsWith(SpherePrefix, StringComparison.Ordinal) ? pressed[SpherePrefix.Length..] : "";
        if (Sphere.Exists(sphere))
        {
            draft.Spheres = Toggle(draft.Spheres, sphere);
        }
        else
        {
            Unexpected(context);
        }

        return null;
    }

    private static BroadcastState? ToggleStatus(DialogContext context, BroadcastDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        if (pressed == Done)
        {
            return AwaitingText;
        }

        if (pressed.StartsWith(StatusPrefix, StringComparison.Ordinal)
            && Enum.TryParse<ResidentStatus>(pressed[StatusPrefix.Length..], out var status)
            && Enum.IsDefined(status))
        {
            draft.Statuses = Toggle(draft.Statuses, status);
        }
        else
        {
            Unexpected(context);
        }

        return null;
    }

    private static IReadOnlyList<T> Toggle<T>(IReadOnlyList<T> chosen, T value) =>
        chosen.Contains(value) ? [.. chosen.Where(item => !EqualityComparer<T>.Default.Equals(item, value))] : [.. chosen, value];

    private static bool Unexpected(DialogContext context)
    {
        context.Problem = context.Text("Problem_UnexpectedInput");
        return false;
    }

    /// <summary>All the moderator's communities (null, everyone, for a super-admin), or the one chosen.</summary>
    private static BroadcastAudience Audience(DialogContext context)
    {
        var draft = new BroadcastDraft(context.Session);
        var communityIds = draft.AllCommunities ? Scope(context).Communities : [new AdminDraft(context.Session).CommunityId!];
        return new BroadcastAudience(communityIds, draft.Spheres, draft.Statuses);
    }

    private static BroadcastRecord Draft(DialogContext context)
    {
        var draft = new BroadcastDraft(context.Session);
        var scope = Scope(context);
        return new BroadcastRecord
        {
            Id = draft.BroadcastId ?? Guid.NewGuid().ToString("N"),
            AuthorResidentId = scope.Actor.AuthorId,
            AuthorActorId = scope.Actor.Id,
            Audience = Audience(context),
            Text = draft.Text ?? "",
            PhotoId = draft.PhotoId,
            Status = BroadcastStatus.Draft,
            CreatedAt = context.Now,
        };
    }

    private async Task<string> StatusTextAsync(DialogContext context)
    {
        var recent = await broadcasts.ListRecentAsync(Scope(context).Actor.AuthorId, RecentShown, context.CancellationToken);
        if (recent.Count == 0)
        {
            return context.Text("Broadcast_NoneYet");
        }

        var text = new StringBuilder(context.Text("Broadcast_StatusTitle"));
        foreach (var broadcast in recent)
        {
            var (current, progress) = await sender.ProgressAsync(broadcast, context.CancellationToken);
            text.Append("\n\n").Append(context.Text(
                "Broadcast_StatusLine",
                Label(context, communities, current),
                context.Text($"BroadcastStatus_{current.Status}"),
                progress.Queued,
                progress.Sent,
                progress.Failed,
                progress.Unreachable));
        }

        return text.ToString();
    }

    /// <summary>"Kamianske · 23.11 09:00 · Шановні мешканці…", naming a broadcast in lists.</summary>
    internal static string Label(DialogContext context, CommunityDirectory communities, BroadcastRecord broadcast)
    {
        var place = broadcast.Audience.Communities is [var only] && communities.Find(only) is { } community
            ? CommunityDirectory.NameOf(community, context.Language)
            : context.Text("Broadcast_AllCommunities");
        return $"{place} · {Localization.KyivTime.Format(broadcast.CreatedAt)} · {PollLabel.Shorten(broadcast.Text)}";
    }

    private sealed record RecipientCount(int Count);

    private sealed record Submitted(ModerationOutcome Outcome);
}
