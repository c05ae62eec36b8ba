using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Ideas;
using Hromada.Core.Spheres;
using Microsoft.Extensions.Logging;
using Stateless;
using static Hromada.Core.Conversations.DialogTrigger;
using static Hromada.Core.Dialogs.Ideas.IdeaState;

namespace Hromada.Core.Dialogs.Ideas;

/// <summary>
/// /idea: a resident submits a development idea for their community (title, description, sphere,
/// an optional photo), sees it as others will, and sends it; it waits for the moderators as proposed.
/// </summary>
public sealed partial class IdeaDialog(IIdeaStore ideas, IdeaMessages messages, ILogger<IdeaDialog> logger) : Dialog<IdeaState>
{
    public const string SpherePrefix = "sphere:";
    public const string SkipPhoto = "skip";

    private static readonly IdeaTitleValidator TitleRule = new();
    private static readonly IdeaTextValidator TextRule = new();
    private static readonly IdeaPhotoValidator PhotoRule = new();

    /// <summary>What a resident may send at the photo step: a photo is taken, anything else is told "a photo, please".</summary>
    private static readonly DialogTrigger[] PhotoStepInputs = [PhotoReceived, TextReceived, LocationReceived, ContactReceived];

    public override string Name => "idea";

    public override IReadOnlyList<string> Commands => ["/idea"];

    protected override IdeaState FirstState => AwaitingTitle;

    protected override void Configure(StateMachine<IdeaState, DialogTrigger> machine, DialogContext context)
    {
        var draft = new IdeaDraft(context.Session);

        Step(machine.Configure(AwaitingTitle), TextReceived, AwaitingText,
            () => context.Accept(TitleRule, Typed(context), title => draft.Title = title));

        Step(machine.Configure(AwaitingText), TextReceived, AwaitingSphere,
            () => context.Accept(TextRule, Typed(context), text => draft.Text = text));

        Step(machine.Configure(AwaitingSphere), OptionChosen, AwaitingPhoto, () => TakeSphere(context, draft));

        var photo = machine.Configure(AwaitingPhoto);
        foreach (var input in PhotoStepInputs)
        {
            Step(photo, input, AwaitingConfirmation,
                () => context.Accept(PhotoRule, context.Message.PhotoId ?? "", photoId => draft.PhotoId = photoId));
        }

        Step(photo, OptionChosen, AwaitingConfirmation, () => context.Message.ButtonData == SkipPhoto
            ? Skip(draft)
            : IdeaMessages.Unexpected(context));

        machine.Configure(AwaitingConfirmation).Permit(Confirmed, Completed);
        machine.Configure(Completed).OnEntryAsync(() => SubmitAsync(context, draft));
    }

    protected override OutboundReply? Ask(IdeaState state, DialogContext context)
    {
        var draft = new IdeaDraft(context.Session);
        return state switch
        {
            AwaitingTitle => new OutboundReply(context.Text("Idea_AskTitle")),
            AwaitingText => new OutboundReply(context.Text("Idea_AskText")),
            AwaitingSphere => new OutboundReply(context.Text("Idea_AskSphere"))
            {
                Buttons = [.. Sphere.All
                    .Select(id => new ReplyButton(context.Text($"Sphere_{id}"), SpherePrefix + id))
                    .Chunk(2)],
            },
            AwaitingPhoto => new OutboundReply(context.Text("Idea_AskPhoto"))
            {
                Buttons = [[new ReplyButton(context.Text("Idea_SkipPhoto"), SkipPhoto)]],
            },
            AwaitingConfirmation => new OutboundReply(context.Text(
                "Idea_Preview",
                draft.Title,
                draft.Text,
                context.Text($"Sphere_{draft.Sphere}"),
                messages.Place(context, CommunityOf(context))))
            {
                PhotoUrl = draft.PhotoId,
                Buttons = [[new ReplyButton(context.Text("Idea_Send"), "confirm")], [new ReplyButton(context.Text("Idea_Discard"), "/cancel")]],
            },
            Completed => MenuDialog.Menu(context, context.Text("Idea_Sent")),
            _ => null,
        };
    }

    /// <summary>The typed text, trimmed; empty for a message without text, which the length rules refuse.</summary>
    private static string Typed(DialogContext context) => context.Message.Text?.Trim() ?? "";

    private static bool TakeSphere(DialogContext context, IdeaDraft draft)
    {
        var pressed = context.Message.ButtonData ?? "";
        var sphere = pressed.StartsWith(SpherePrefix, StringComparison.Ordinal) ? pressed[SpherePrefix.Length..] : "";
        if (!Sphere.Exists(sphere))
        {
            return IdeaMessages.Unexpected(context);
        }

        draft.Sphere = sphere;
        return true;
    }

    private static bool Skip(IdeaDraft draft)
    {
        draft.PhotoId = null;
        return true;
    }

    private async Task SubmitAsync(DialogContext context, IdeaDraft draft)
    {
        var resident = context.Resident!;
        var idea = Idea.Propose(
            Guid.NewGuid().ToString("N"),
            CommunityOf(context),
            draft.Sphere!,
            draft.Title!,
            draft.Text!,
            draft.PhotoId,
            resident.Id,
            context.Now);
        await ideas.SaveAsync(idea, context.CancellationToken);
        LogSubmitted(idea.Id, idea.CommunityId, resident.Id);
    }

    private static string CommunityOf(DialogContext context) => context.Resident?.CommunityId ?? Community.NationalId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Idea {IdeaId} proposed for {CommunityId} by resident {ResidentId}")]
    private partial void LogSubmitted(string ideaId, string communityId, string residentId);
}
