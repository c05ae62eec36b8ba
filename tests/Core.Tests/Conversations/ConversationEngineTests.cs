using System.Collections.Concurrent;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Localization;
using Hromada.Core.Tests.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Conversations;

public sealed class ConversationEngineTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingDialog _recorder = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Accept_SameUpdateDeliveredTwice_SecondChangesNothing()
    {
        await using var bot = await StartAsync();
        var start = Message("olena", "/start");
        await bot.SendAsync(start);
        var sessionBefore = await bot.SessionAsync("olena");

        var accepted = await bot.Worker.AcceptAsync(start, CancellationToken.None);
        await bot.WaitUntilHandledAsync();

        Assert.False(accepted);
        Assert.Empty(await bot.NewRepliesAsync("olena"));
        Assert.Equal(sessionBefore!.Version, (await bot.SessionAsync("olena"))!.Version);
    }

    [Fact]
    public async Task Accept_FiftyConcurrentMessagesOfOneResident_HandledOneAtATimeInAcceptanceOrder()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("olena", "/record");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(index =>
            Task.Run(() => bot.Worker.AcceptAsync(Message("olena", $"{index}"), CancellationToken.None))));
        await bot.WaitUntilHandledAsync();

        var seen = _recorder.Seen.ToList();
        Assert.Equal(50, seen.Count);
        Assert.Equal(50, seen.Select(entry => entry.Text).Distinct().Count());
        Assert.Equal(seen.Select(entry => entry.PreviousSequence).Order(), seen.Select(entry => entry.PreviousSequence));
        Assert.Equal(1, _recorder.MostAtOnce);
    }

    [Fact]
    public async Task Accept_MessagesSentOneAfterAnother_HandledInThatOrder()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("olena", "/record");

        for (var index = 0; index < 50; index++)
        {
            Assert.True(await bot.Worker.AcceptAsync(Message("olena", $"{index}"), CancellationToken.None));
        }

        await bot.WaitUntilHandledAsync();

        Assert.Equal(Enumerable.Range(0, 50).Select(index => $"{index}"), _recorder.Seen.Select(entry => entry.Text));
    }

    [Fact]
    public async Task Accept_ManyResidentsAtOnce_HandledInParallelLanes()
    {
        await using var bot = await StartAsync();
        var residents = Enumerable.Range(0, 8).Select(index => $"resident{index}").ToList();
        foreach (var resident in residents)
        {
            await bot.SayAsync(resident, "/record");
        }

        await Task.WhenAll(residents.SelectMany(resident => Enumerable.Range(0, 5)
            .Select(index => bot.Worker.AcceptAsync(Message(resident, $"{index}"), CancellationToken.None))));
        await bot.WaitUntilHandledAsync();

        Assert.Equal(40, _recorder.Seen.Count);
        Assert.True(_recorder.MostAtOnce > 1, "Different residents were never handled at the same time.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Cancel_InAnyOnboardingState_LeavesTheDialog(int stepsAnswered)
    {
        await using var bot = await StartAsync();
        string[] answers = [OnboardingDialog.Agree, "Іван", "community:ukraine", "sphere:it"];
        await bot.SayAsync("ivan", "/start");
        foreach (var answer in answers.Take(stepsAnswered))
        {
            await bot.SendAsync(answer.Contains(':') ? Message("ivan", button: answer) : Message("ivan", answer));
        }

        var replies = await bot.SayAsync("ivan", "/cancel");

        Assert.Equal(Text("Engine_Cancelled"), Assert.Single(replies).Text);
        var session = await bot.SessionAsync("ivan");
        Assert.Null(session!.Dialog);
        Assert.Empty(session.Data);
    }

    [Fact]
    public async Task Cancel_OutsideAnyDialog_SaysNothingToCancel()
    {
        await using var bot = await StartAsync();
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var replies = await bot.SayAsync("olena", "/cancel");

        Assert.Equal(Text("Engine_NothingToCancel"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Message_AfterIdleTimeout_DialogIsResetAndStartsAfresh()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("ivan", "/start");
        await bot.PressAsync("ivan", OnboardingDialog.Agree);

        _time.Advance(TimeSpan.FromHours(25));
        var replies = await bot.SayAsync("ivan", "Іван");

        Assert.Equal([Text("Engine_DialogExpired"), Text("Onboarding_Consent")], replies.Select(reply => reply.Text));
        Assert.Equal(nameof(OnboardingState.AwaitingConsent), (await bot.SessionAsync("ivan"))!.State);
    }

    [Fact]
    public async Task Message_WithinIdleTimeout_DialogContinues()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("ivan", "/start");
        await bot.PressAsync("ivan", OnboardingDialog.Agree);

        _time.Advance(TimeSpan.FromHours(23));
        var replies = await bot.SayAsync("ivan", "Іван");

        Assert.Equal(nameof(OnboardingState.AwaitingCommunity), (await bot.SessionAsync("ivan"))!.State);
        Assert.Single(replies);
    }

    [Fact]
    public async Task Handle_DialogThrows_ApologisesAndMarksEntryFailed()
    {
        await using var bot = await StartAsync();
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var replies = await bot.SayAsync("olena", "/boom");

        Assert.Equal(Text("Engine_Apology"), Assert.Single(replies).Text);
        Assert.Empty(await bot.Inbox.GetPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Handle_EntryAppliedBeforeCrashButNotMarked_AppliesNothingTwice()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("ivan", "/start");
        var entry = await bot.Inbox.TryAddAsync(Message("ivan", button: OnboardingDialog.Agree), CancellationToken.None);
        await bot.Engine.HandleAsync(entry!, CancellationToken.None);
        var first = await bot.NewRepliesAsync("ivan");
        var sessionAfterFirst = await bot.SessionAsync("ivan");

        await bot.Engine.HandleAsync(entry!, CancellationToken.None);

        Assert.Single(first);
        Assert.Empty(await bot.NewRepliesAsync("ivan"));
        Assert.Equal(sessionAfterFirst!.Version, (await bot.SessionAsync("ivan"))!.Version);
    }

    /// <summary>The inbox can close before the engine at shutdown: a turn stored but left unmarked has not failed.</summary>
    [Fact]
    public async Task Handle_InboxClosedOnceTheTurnIsStored_NoApologyAndTheNextStartOnlyMarksIt()
    {
        int stored;
        await using (var bot = await StartAsync())
        {
            await bot.SayAsync("ivan", "/start");
            var entry = await bot.Inbox.TryAddAsync(Message("ivan", button: OnboardingDialog.Agree), CancellationToken.None);
            ((IDisposable)bot.Inbox).Dispose();

            await bot.Engine.HandleAsync(entry!, CancellationToken.None);

            Assert.NotEqual(Text("Engine_Apology"), Assert.Single(await bot.NewRepliesAsync("ivan")).Text);
            Assert.Equal(entry!.Sequence, (await bot.SessionAsync("ivan"))!.LastSequence);
            stored = (await bot.Outbox.ListForChatAsync(ChannelKind.Dev, "ivan", 0, CancellationToken.None)).Count;
        }

        await using var restarted = await StartAsync();
        await restarted.WaitUntilHandledAsync();

        Assert.Empty(await restarted.Inbox.GetPendingAsync(CancellationToken.None));
        Assert.Equal(stored, (await restarted.Outbox.ListForChatAsync(ChannelKind.Dev, "ivan", 0, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Start_PendingEntriesLeftByCrash_HandledOnStart()
    {
        await using (var crashed = await StartAsync())
        {
            await crashed.Inbox.TryAddAsync(Message("ivan", "/start"), CancellationToken.None);
        }

        await using var restarted = await StartAsync();
        await restarted.WaitUntilHandledAsync();

        Assert.Equal(Text("Onboarding_Consent"), Assert.Single(await restarted.NewRepliesAsync("ivan")).Text);
    }

    [Fact]
    public async Task Command_Unknown_PointsToHelp()
    {
        await using var bot = await StartAsync();
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var replies = await bot.SayAsync("olena", "/nonsense");

        Assert.Equal(Text("Engine_UnknownCommand"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Command_WithBotNameSuffix_IsRecognised()
    {
        await using var bot = await StartAsync();
        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Олена");

        var replies = await bot.SayAsync("olena", "/help@HromadaBot");

        Assert.Equal(Text("Help_Text"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Language_EnglishApp_RepliesInEnglish()
    {
        await using var bot = await StartAsync();

        var replies = await bot.SendAsync(Message("john", "/start") with { LanguageCode = "en-GB" });

        Assert.Equal(Texts.Get(Language.En, "Onboarding_Consent"), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Language_SwitchedBeforeRegistration_KeptThroughOnboarding()
    {
        await using var bot = await StartAsync();
        await bot.SayAsync("olena", "/language");
        await bot.PressAsync("olena", "lang:en");

        await OnboardingDialogTests.OnboardAsync(bot, "olena", "Olena");

        Assert.Equal(Language.En, (await bot.ResidentAsync("olena"))!.Language);
        var replies = await bot.SayAsync("olena", "/menu");
        Assert.Equal(Texts.Get(Language.En, "Menu_Title"), Assert.Single(replies).Text);
    }

    private Task<EngineHarness> StartAsync() =>
        EngineHarness.StartAsync(_database.Path, _time, services => services
            .AddDialog<ThrowingDialog>()
            .AddSingleton<IDialog>(_recorder));

    /// <summary>Records what it is given and how many messages it ever handled at the same time.</summary>
    private sealed class RecordingDialog : IDialog
    {
        private int _now;
        private int _most;

        public ConcurrentQueue<(string Text, long PreviousSequence)> Seen { get; } = new();

        public int MostAtOnce => _most;

        public string Name => "record";

        public IReadOnlyList<string> Commands => ["/record"];

        public bool OpenToUnregistered => true;

        public Task StartAsync(DialogContext context)
        {
            context.Session.Dialog = Name;
            return Task.CompletedTask;
        }

        public async Task ContinueAsync(DialogContext context)
        {
            var now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            await Task.Delay(2);
            Seen.Enqueue((context.Message.Text!, context.Session.LastSequence));
            Interlocked.Decrement(ref _now);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) &&
                   Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    private sealed class ThrowingDialog : IDialog
    {
        public string Name => "boom";

        public IReadOnlyList<string> Commands => ["/boom"];

        public Task StartAsync(DialogContext context) => throw new InvalidOperationException("A bug in a dialog.");
    }
}
