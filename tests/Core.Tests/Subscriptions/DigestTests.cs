using Hromada.Core.Communities;
using Hromada.Core.Events;
using Hromada.Core.Localization;
using Hromada.Core.Polls;
using Hromada.Core.Subscriptions;

namespace Hromada.Core.Tests.Subscriptions;

public sealed class DigestTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Since.AddDays(1);
    private static readonly DigestPeriod Period = new("digest:daily:2026-11-23", Since, Now);
    private static readonly Subscription Kamianske = new() { Communities = ["kamianske"], Spheres = ["ecology"], Delivery = Delivery.DailyDigest };

    [Fact]
    public void Compose_NothingNewForTheSubscription_ReturnsNull()
    {
        var digest = Digest.Compose(
            Kamianske, Language.Uk, Period, Now,
            [Event("old") with { CreatedAt = Since.AddMinutes(-1) }, Event("lviv") with { CommunityId = "lviv" }],
            [Poll("other-sphere") with { Spheres = ["health"] }]);

        Assert.Null(digest);
    }

    [Fact]
    public void Compose_NewEventsAndPolls_ListsTheMatchingOnesSoonestFirstWithButtons()
    {
        var events = new[]
        {
            Event("later", "Слухання щодо бюджету", Now.AddDays(5)),
            Event("sooner", "Сесія міської ради", Now.AddDays(1)) with { Type = EventType.CouncilSession },
            Event("national", "Всеукраїнська консультація", Now.AddDays(2)) with { CommunityId = Community.NationalId, Spheres = [], Type = EventType.Consultation },
            Event("cancelled") with { Cancelled = true },
            Event("begun", startsAt: Now.AddMinutes(-5)),
            Event("created-before", startsAt: Now.AddDays(1)) with { CreatedAt = Since },
            Event("other-sphere") with { Spheres = ["health"] },
        };
        var polls = new[]
        {
            Poll("closing-later", "Чи потрібен сквер?", Now.AddDays(6)),
            Poll("closing-sooner", "Чи потрібна велодоріжка?", Now.AddDays(2)),
            Poll("opened-before") with { OpensAt = Since.AddHours(-1) },
            Poll("closed", closesAt: Now),
        };

        var digest = Digest.Compose(Kamianske, Language.Uk, Period, Now, events, polls);

        Assert.NotNull(digest);
        var lines = digest.Text.Split('\n');
        Assert.Equal(Texts.Get(Language.Uk, "Digest_Title", "22.11.2026 09:00"), lines[0]);
        Assert.Equal(
            [
                "• 24.11.2026 09:00 · Сесія ради: Сесія міської ради",
                "• 25.11.2026 09:00 · Консультація: Всеукраїнська консультація",
                "• 28.11.2026 09:00 · Громадські слухання: Слухання щодо бюджету",
            ],
            lines.SkipWhile(line => line != Texts.Get(Language.Uk, "Digest_Events")).Skip(1).Take(3));
        Assert.Equal(
            ["• Чи потрібна велодоріжка?", "• Чи потрібен сквер?"],
            lines.SkipWhile(line => line != Texts.Get(Language.Uk, "Digest_Polls")).Skip(1));
        Assert.Equal(["/events", "/polls"], digest.Buttons.SelectMany(row => row).Select(button => button.Data));
    }

    /// <summary>A run late after the period's end: what appeared meanwhile belongs to the next digest.</summary>
    [Fact]
    public void Compose_SentAfterThePeriodEnded_LeavesLaterNewsToTheNextDigest()
    {
        var digest = Digest.Compose(
            Kamianske, Language.Uk, Period, Now.AddHours(3),
            [Event("in-period", "У період"), Event("after", "Після") with { CreatedAt = Now.AddHours(1) }],
            [Poll("opened-after") with { OpensAt = Now.AddMinutes(1) }]);

        Assert.NotNull(digest);
        Assert.Contains("У період", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Після", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Get(Language.Uk, "Digest_Polls"), digest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OnlyPolls_HasNoEventSectionOrButton()
    {
        var digest = Digest.Compose(Kamianske, Language.En, Period, Now, [], [Poll("p1", "Do we need a park?")]);

        Assert.NotNull(digest);
        Assert.DoesNotContain(Texts.Get(Language.En, "Digest_Events"), digest.Text);
        Assert.Contains("• Do we need a park?", digest.Text);
        Assert.Equal(["/polls"], digest.Buttons.SelectMany(row => row).Select(button => button.Data));
    }

    [Fact]
    public void Compose_MoreEventsThanLines_ListsTheFirstAndCountsTheRest()
    {
        var events = Enumerable.Range(1, Digest.MaxLines + 3).Select(day => Event($"e{day}", $"Подія {day}", Now.AddDays(day)));

        var digest = Digest.Compose(Kamianske, Language.Uk, Period, Now, events, []);

        Assert.NotNull(digest);
        Assert.Equal(Digest.MaxLines, digest.Text.Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal)));
        Assert.EndsWith(Texts.Get(Language.Uk, "Digest_More", 3), digest.Text);
    }

    private static CivicEvent Event(string id, string title = "Подія", DateTimeOffset? startsAt = null) => new()
    {
        Id = id,
        CommunityId = "kamianske",
        Spheres = ["ecology"],
        Type = EventType.PublicHearing,
        Title = title,
        StartsAt = startsAt ?? Now.AddDays(3),
        Place = "Міська рада",
        CreatedBy = "moderator",
        CreatedAt = Since.AddHours(2),
    };

    private static Poll Poll(string id, string question = "Питання?", DateTimeOffset? closesAt = null) => new()
    {
        Id = id,
        CommunityId = "kamianske",
        Spheres = ["ecology"],
        Question = question,
        Options = ["Так", "Ні"],
        Status = PollStatus.Open,
        OpensAt = Since.AddHours(1),
        ClosesAt = closesAt ?? Now.AddDays(7),
        CreatedAt = Since,
    };
}
