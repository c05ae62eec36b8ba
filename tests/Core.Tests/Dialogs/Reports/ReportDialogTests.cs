using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Reports;
using Hromada.Core.Tests.Dialogs.Polls;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Core.Tests.Dialogs.Reports.ReportFixtures;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Reports;

public sealed class ReportDialogTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Report_EveryStepWithPhotosAndAddress_StoresANewReportWithItsNumber()
    {
        await using var bot = await RegisteredAsync("olena");

        var askCategory = Assert.Single(await bot.SayAsync("olena", "/report"));
        var askDescription = Assert.Single(await bot.PressAsync("olena", "category:Lighting"));
        var askPhotos = Assert.Single(await bot.SayAsync("olena", "  Не світить жоден ліхтар у дворі  "));
        var onePhoto = Assert.Single(await bot.SendPhotoAsync("olena", "photo-1"));
        var twoPhotos = Assert.Single(await bot.SendPhotoAsync("olena", "photo-2"));
        var askLocation = Assert.Single(await bot.PressAsync("olena", ReportDialog.Done));
        var askAnonymous = Assert.Single(await bot.SayAsync("olena", Address));
        var preview = Assert.Single(await bot.PressAsync("olena", ReportDialog.Anonymous));
        var filed = Assert.Single(await bot.PressAsync("olena", "confirm"));

        Assert.Equal(Text("Reports_AskCategory"), askCategory.Text);
        Assert.Equal(Enum.GetValues<ReportCategory>().Select(category => $"category:{category}"), askCategory.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Reports_AskDescription", 10, 2000), askDescription.Text);
        Assert.Equal(Text("Reports_AskPhotos", 3), askPhotos.Text);
        Assert.Equal((Text("Reports_SkipPhotos"), ReportDialog.Done), (askPhotos.AllButtons().Single().Label, askPhotos.AllButtons().Single().Data));
        Assert.Equal(Text("Reports_PhotosSoFar", 1, 3), onePhoto.Text);
        Assert.Equal(Text("Reports_PhotosSoFar", 2, 3), twoPhotos.Text);
        Assert.Equal(Text("Reports_AskLocation"), askLocation.Text);
        Assert.Equal(Text("Reports_ShareLocation"), askLocation.LocationButtonLabel);
        Assert.True(askLocation.RequestsLocation);
        Assert.Equal(Text("Reports_AskAnonymous"), askAnonymous.Text);
        Assert.Equal(
            Text("Reports_Preview", Text("ReportCategory_Lighting"), "Не світить жоден ліхтар у дворі", 2, Address, Text("Reports_PreviewAnonymous")),
            preview.Text);
        Assert.Equal(["confirm", "/cancel"], preview.AllButtons().Select(button => button.Data));
        Assert.Equal(Text("Reports_Filed", 1), filed.Text);
        Assert.Contains(filed.AllButtons(), button => button.Data == "/myreports");
        var resident = await bot.ResidentAsync("olena");
        var report = Assert.Single(await bot.Reports().ListByResidentAsync(resident!.Id, CancellationToken.None));
        Assert.Equal(
            (1L, "kamianske", ReportCategory.Lighting, "Не світить жоден ліхтар у дворі", Address, (GeoPoint?)null, true, resident.Id, ReportStatus.New),
            (report.Number, report.CommunityId, report.Category, report.Description, report.Address, report.Location, report.AnonymousToPublic, report.ReporterId, report.Status));
        Assert.Equal(["photo-1", "photo-2"], report.PhotoIds);
        Assert.Equal([new ReportChange(_time.GetUtcNow(), ReportStatus.New, null, null)], report.History);
        Assert.Equal((_time.GetUtcNow(), _time.GetUtcNow()), (report.CreatedAt, report.UpdatedAt));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task LocationReceived_NothingNearby_StoresThePointAndAsksAboutAnonymity()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.ReachLocationAsync("olena");

        var askAnonymous = Assert.Single(await bot.ShareLocationAsync("olena", Centre));
        var preview = Assert.Single(await bot.PressAsync("olena", ReportDialog.Named));
        await bot.PressAsync("olena", "confirm");

        Assert.Equal(Text("Reports_AskAnonymous"), askAnonymous.Text);
        Assert.Contains(ReportNames.Point(Centre), preview.Text, StringComparison.Ordinal);
        Assert.Contains(Text("Reports_PreviewNamed"), preview.Text, StringComparison.Ordinal);
        var report = (await bot.Reports().ListAsync(new ReportFilter(), CancellationToken.None)).Single();
        Assert.Equal((Centre, null, false), (report.Location, report.Address, report.AnonymousToPublic));
    }

    [Fact]
    public async Task PhotoReceived_TheLastOneAllowed_MovesOnToTheLocationByItself()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.SayAsync("olena", "/report");
        await bot.PressAsync("olena", "category:Waste");
        await bot.SayAsync("olena", "Контейнери переповнені вже тиждень");
        await bot.SendPhotoAsync("olena", "photo-1");
        await bot.SendPhotoAsync("olena", "photo-2");

        var third = Assert.Single(await bot.SendPhotoAsync("olena", "photo-3"));

        Assert.Equal(Text("Reports_AskLocation"), third.Text);
        var session = await bot.SessionAsync("olena");
        Assert.Equal(nameof(ReportState.AwaitingLocation), session!.State);
        Assert.Equal(["photo-1", "photo-2", "photo-3"], new ReportDraft(session).PhotoIds);
    }

    public static TheoryData<ReportState, string, string> InvalidInputs => new()
    {
        { ReportState.AwaitingCategory, "text:Дороги", "Problem_UnexpectedInput" },
        { ReportState.AwaitingCategory, "button:category:Space", "Problem_UnexpectedInput" },
        { ReportState.AwaitingDescription, "text:Яма", "Problem_ReportDescriptionLength" },
        { ReportState.AwaitingDescription, "text:" + new string('я', 2001), "Problem_ReportDescriptionLength" },
        { ReportState.AwaitingDescription, "text:         яма            ", "Problem_ReportDescriptionLength" },
        { ReportState.AwaitingDescription, "photo:photo-1", "Problem_UnexpectedInput" },
        { ReportState.AwaitingPhotos, "text:ось фото", "Problem_UnexpectedInput" },
        { ReportState.AwaitingPhotos, "button:category:Roads", "Problem_UnexpectedInput" },
        { ReportState.AwaitingLocation, "text:Цен", "Problem_ReportAddressLength" },
        { ReportState.AwaitingLocation, "text:" + new string('в', 301), "Problem_ReportAddressLength" },
        { ReportState.AwaitingLocation, "location:91,34.6", "Problem_ReportLocationInvalid" },
        { ReportState.AwaitingLocation, "photo:photo-1", "Problem_UnexpectedInput" },
        { ReportState.AwaitingLocation, "button:done", "Problem_UnexpectedInput" },
        { ReportState.AwaitingDuplicateChoice, "button:join:999", "Problem_ReportUnavailable" },
        { ReportState.AwaitingDuplicateChoice, "button:join:abc", "Problem_UnexpectedInput" },
        { ReportState.AwaitingDuplicateChoice, "text:так", "Problem_UnexpectedInput" },
        { ReportState.AwaitingAnonymity, "text:так", "Problem_UnexpectedInput" },
        { ReportState.AwaitingAnonymity, "button:anonymous:maybe", "Problem_UnexpectedInput" },
        { ReportState.AwaitingConfirmation, "text:так", "Problem_UnexpectedInput" },
        { ReportState.AwaitingConfirmation, "button:anonymous:yes", "Problem_UnexpectedInput" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Input_InvalidAtAStep_RepromptsWithTheReasonAndStays(ReportState step, string input, string problem)
    {
        await using var bot = await RegisteredAsync("olena");
        var question = await ReachAsync(bot, "olena", step);

        var replies = await bot.SendAsync(Parse("olena", input));

        Assert.Equal($"{Text(problem)}\n\n{question.Text}", Assert.Single(replies).Text);
        Assert.Equal(step.ToString(), (await bot.SessionAsync("olena"))!.State);
        Assert.Empty(await bot.Reports().ListByResidentAsync((await bot.ResidentAsync("olena"))!.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_Midway_LeavesWithoutStoringAReport()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.ReachLocationAsync("olena");
        await bot.SayAsync("olena", Address);

        var cancelled = Assert.Single(await bot.SayAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), cancelled.Text);
        var session = await bot.SessionAsync("olena");
        Assert.Null(session!.Dialog);
        Assert.Empty(session.Data);
        Assert.Empty(await bot.Reports().ListAsync(new ReportFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Discard_AtPreview_LeavesWithoutStoringAReport()
    {
        await using var bot = await RegisteredAsync("olena");
        await bot.ReachLocationAsync("olena");
        await bot.SayAsync("olena", Address);
        await bot.PressAsync("olena", ReportDialog.Named);

        var cancelled = Assert.Single(await bot.PressAsync("olena", "/cancel"));

        Assert.Equal(Text("Engine_Cancelled"), cancelled.Text);
        Assert.Empty(await bot.Reports().ListAsync(new ReportFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Report_HostRestartsMidway_ContinuesWhereItWasAndFilesOnce()
    {
        await using (var before = await RegisteredAsync("olena"))
        {
            await before.SayAsync("olena", "/report");
            await before.PressAsync("olena", "category:Heating");
            await before.SayAsync("olena", "Холодні батареї в під'їзді другий тиждень");
            await before.SendPhotoAsync("olena", "photo-1");
        }

        await using var after = await EngineHarness.StartAsync(_database.Path, _time);
        await after.NewRepliesAsync("olena"); // the replies sent before the restart
        var askLocation = Assert.Single(await after.PressAsync("olena", ReportDialog.Done));
        await after.SayAsync("olena", Address);
        await after.PressAsync("olena", ReportDialog.Named);
        var filed = Assert.Single(await after.PressAsync("olena", "confirm"));

        Assert.Equal(Text("Reports_AskLocation"), askLocation.Text);
        Assert.Equal(Text("Reports_Filed", 1), filed.Text);
        var report = Assert.Single(await after.Reports().ListAsync(new ReportFilter(), CancellationToken.None));
        Assert.Equal((ReportCategory.Heating, "Холодні батареї в під'їзді другий тиждень", Address), (report.Category, report.Description, report.Address));
        Assert.Equal(["photo-1"], report.PhotoIds);
    }

    [Fact]
    public async Task Report_FiledOneAfterAnother_NumbersFollowOn()
    {
        await using var bot = await RegisteredAsync("olena");

        var first = await bot.FileAsync("olena", Centre);
        var second = await bot.FileAsync("olena", Offset(500), ReportCategory.Greenery);

        Assert.Equal((1L, 2L), (first.Number, second.Number));
    }

    [Fact]
    public async Task LocationReceived_OpenReportOfTheCategoryWithin50m_OffersToJoinIt()
    {
        await using var bot = await RegisteredAsync("olena");
        var nearby = await bot.SeedAsync(_time.GetUtcNow(), Offset(30, 20));
        await bot.ReachLocationAsync("olena");

        var offer = Assert.Single(await bot.ShareLocationAsync("olena", Centre));

        Assert.StartsWith(Text("Reports_SimilarNearby"), offer.Text, StringComparison.Ordinal);
        Assert.Contains(Text("Reports_SimilarLine", nearby.Number, 36, Text("ReportStatus_New"), nearby.Description), offer.Text, StringComparison.Ordinal);
        Assert.Equal([$"join:{nearby.Number}", ReportDialog.FileNew], offer.AllButtons().Select(button => button.Data));
        Assert.Equal(nameof(ReportState.AwaitingDuplicateChoice), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task LocationReceived_SeveralNearby_OffersThemNearestFirst()
    {
        await using var bot = await RegisteredAsync("olena");
        var farther = await bot.SeedAsync(_time.GetUtcNow(), Offset(-45));
        var nearer = await bot.SeedAsync(_time.GetUtcNow(), Offset(0, 5));
        await bot.ReachLocationAsync("olena");

        var offer = Assert.Single(await bot.ShareLocationAsync("olena", Centre));

        Assert.Equal([$"join:{nearer.Number}", $"join:{farther.Number}", ReportDialog.FileNew], offer.AllButtons().Select(button => button.Data));
    }

    [Fact]
    public async Task LocationReceived_OnlyFartherOtherCategoryOrClosedReports_OffersNothing()
    {
        await using var bot = await RegisteredAsync("olena");
        var now = _time.GetUtcNow();
        await bot.SeedAsync(now, Offset(80));
        await bot.SeedAsync(now, Offset(10), ReportCategory.Lighting);
        await bot.MoveAsync(await bot.SeedAsync(now, Offset(-10)), ReportStatus.Resolved, now);
        await bot.MoveAsync(await bot.SeedAsync(now, Offset(0, 10)), ReportStatus.Rejected, now);
        await bot.SeedAsync(now, point: null);
        await bot.ReachLocationAsync("olena");

        var next = Assert.Single(await bot.ShareLocationAsync("olena", Centre));

        Assert.Equal(Text("Reports_AskAnonymous"), next.Text);
        Assert.Equal(nameof(ReportState.AwaitingAnonymity), (await bot.SessionAsync("olena"))!.State);
    }

    [Fact]
    public async Task OptionChosen_JoinThisReport_AddsTheResidentToItInsteadOfANewOne()
    {
        await using var bot = await RegisteredAsync("olena");
        var nearby = await bot.SeedAsync(_time.GetUtcNow(), Offset(20));
        await bot.ReachLocationAsync("olena");
        await bot.ShareLocationAsync("olena", Centre);

        var joined = Assert.Single(await bot.PressAsync("olena", $"join:{nearby.Number}"));

        Assert.Equal(Text("Reports_Joined", nearby.Number), joined.Text);
        var resident = await bot.ResidentAsync("olena");
        var report = Assert.Single(await bot.Reports().ListAsync(new ReportFilter(), CancellationToken.None));
        Assert.Equal((nearby.Number, "someone-else"), (report.Number, report.ReporterId));
        Assert.Equal([resident!.Id], report.JoinedResidentIds);
        Assert.Equal([nearby.Number], (await bot.Reports().ListByResidentAsync(resident.Id, CancellationToken.None)).Select(r => r.Number));
        Assert.Null((await bot.SessionAsync("olena"))!.Dialog);
    }

    [Fact]
    public async Task OptionChosen_FileANewOne_GoesOnAndFilesASecondReport()
    {
        await using var bot = await RegisteredAsync("olena");
        var nearby = await bot.SeedAsync(_time.GetUtcNow(), Offset(20));
        await bot.ReachLocationAsync("olena");
        await bot.ShareLocationAsync("olena", Centre);

        var askAnonymous = Assert.Single(await bot.PressAsync("olena", ReportDialog.FileNew));
        await bot.PressAsync("olena", ReportDialog.Named);
        var filed = Assert.Single(await bot.PressAsync("olena", "confirm"));

        Assert.Equal(Text("Reports_AskAnonymous"), askAnonymous.Text);
        Assert.Equal(Text("Reports_Filed", nearby.Number + 1), filed.Text);
        var stored = await bot.Reports().GetAsync(nearby.Number, CancellationToken.None);
        Assert.Empty(stored!.JoinedResidentIds);
        Assert.Equal(2, (await bot.Reports().ListAsync(new ReportFilter(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Report_Unregistered_StartsOnboardingInstead()
    {
        await using var bot = await EngineHarness.StartAsync(_database.Path, _time);

        var replies = await bot.SayAsync("stranger", "/report");

        Assert.Equal(Text("Onboarding_Consent"), Assert.Single(replies).Text);
        Assert.Equal("onboarding", (await bot.SessionAsync("stranger"))!.Dialog);
    }

    private async Task<EngineHarness> RegisteredAsync(string user)
    {
        var bot = await EngineHarness.StartAsync(_database.Path, _time);
        await OnboardingDialogTests.OnboardAsync(bot, user, "Олена");
        return bot;
    }

    /// <summary>Walks a new report up to <paramref name="step"/> and returns that step's question.</summary>
    private async Task<OutboundReply> ReachAsync(EngineHarness bot, string user, ReportState step)
    {
        // With an open report nearby every report passes the duplicate choice, so one walk reaches each step.
        if (step > ReportState.AwaitingLocation)
        {
            await bot.SeedAsync(_time.GetUtcNow(), Offset(10));
        }

        var question = Assert.Single(await bot.SayAsync(user, "/report"));
        foreach (var (reached, input) in (IReadOnlyList<(ReportState, InboundMessage)>)
        [
            (ReportState.AwaitingCategory, Message(user, button: "category:Roads")),
            (ReportState.AwaitingDescription, Message(user, Description)),
            (ReportState.AwaitingPhotos, Message(user, button: ReportDialog.Done)),
            (ReportState.AwaitingLocation, Message(user) with { Location = Centre }),
            (ReportState.AwaitingDuplicateChoice, Message(user, button: ReportDialog.FileNew)),
            (ReportState.AwaitingAnonymity, Message(user, button: ReportDialog.Named)),
        ])
        {
            if (reached == step)
            {
                break;
            }

            question = Assert.Single(await bot.SendAsync(input));
        }

        Assert.Equal(step.ToString(), (await bot.SessionAsync(user))!.State);
        return question;
    }

    /// <summary>"text:…", "button:…", "photo:…" or "location:lat,long" as a message of <paramref name="user"/>.</summary>
    private static InboundMessage Parse(string user, string input)
    {
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        var value = input[(colon + 1)..];
        return input[..colon] switch
        {
            "text" => Message(user, value),
            "button" => Message(user, button: value),
            "photo" => Message(user) with { PhotoId = value },
            "location" => Message(user) with
            {
                Location = new GeoPoint(
                    double.Parse(value.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture),
                    double.Parse(value.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)),
            },
            _ => throw new ArgumentException($"Unknown input kind in {input}", nameof(input)),
        };
    }
}
