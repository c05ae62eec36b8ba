using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    protected static ConversationSession Session(string key = "telegram:501") => new()
    {
        Key = key,
        Dialog = "Idea",
        State = "AwaitingDescription",
        UpdatedAt = new DateTimeOffset(2025, 3, 1, 10, 32, 0, TimeSpan.FromHours(2)),
    };

    [Fact]
    public async Task FindAsync_NothingSaved_ReturnsNull()
    {
        var session = await Sessions.FindAsync("telegram:404", Ct);

        Assert.Null(session);
    }

    [Fact]
    public async Task TrySaveAsync_NewSession_SavesAndIncrementsVersion()
    {
        var session = Session();

        var saved = await Sessions.TrySaveAsync(session, Ct);

        Assert.True(saved);
        Assert.Equal(1, session.Version);
        Assert.Equal(1, (await Sessions.FindAsync(session.Key, Ct))!.Version);
    }

    [Fact]
    public async Task FindAsync_SavedSession_ReturnsEveryField()
    {
        var session = Session();
        session.Data["title"] = "Лавки в парку";
        session.Data["community"] = "kamianske";
        session.Language = Language.En;
        session.LastSequence = 42;
        await Sessions.TrySaveAsync(session, Ct);

        var found = await Sessions.FindAsync(session.Key, Ct);

        Assert.NotNull(found);
        Assert.Equal(
            (session.Key, session.Dialog, session.State, session.Language, session.LastSequence, session.Version, session.UpdatedAt),
            (found.Key, found.Dialog, found.State, found.Language, found.LastSequence, found.Version, found.UpdatedAt));
        Assert.Equal(session.Data, found.Data);
    }

    [Fact]
    public async Task TrySaveAsync_SecondSaveFromTheSameVersion_FailsAndKeepsTheFirst()
    {
        await Sessions.TrySaveAsync(Session(), Ct);
        var first = (await Sessions.FindAsync("telegram:501", Ct))!;
        var second = (await Sessions.FindAsync("telegram:501", Ct))!;
        first.State = "AwaitingPhoto";
        second.State = "Cancelled";
        await Sessions.TrySaveAsync(first, Ct);

        var saved = await Sessions.TrySaveAsync(second, Ct);

        Assert.False(saved);
        Assert.Equal(1, second.Version);
        var stored = (await Sessions.FindAsync("telegram:501", Ct))!;
        Assert.Equal(("AwaitingPhoto", 2L), (stored.State, stored.Version));
    }

    [Fact]
    public async Task TrySaveAsync_NewSessionWhenOneIsStored_Fails()
    {
        await Sessions.TrySaveAsync(Session(), Ct);

        var saved = await Sessions.TrySaveAsync(Session(), Ct);

        Assert.False(saved);
    }

    [Fact]
    public async Task TrySaveAsync_ConcurrentSavesFromTheSameVersion_ExactlyOneSucceeds()
    {
        await Sessions.TrySaveAsync(Session(), Ct);

        var results = await RunConcurrentlyAsync(20, async i =>
        {
            var copy = (await Sessions.FindAsync("telegram:501", Ct))!;
            copy.Version = 1; // as read before any of them saved
            copy.Data["writer"] = i.ToString(CultureInfo.InvariantCulture);
            return await Sessions.TrySaveAsync(copy, Ct);
        });

        Assert.Single(results, saved => saved);
        Assert.Equal(2, (await Sessions.FindAsync("telegram:501", Ct))!.Version);
    }

    [Fact]
    public async Task TrySaveAsync_ConcurrentNewSessions_ExactlyOneSucceeds()
    {
        var results = await RunConcurrentlyAsync(20, _ => Sessions.TrySaveAsync(Session(), Ct));

        Assert.Single(results, saved => saved);
    }

    [Fact]
    public async Task DeleteAsync_SavedSession_FindReturnsNullAndStartsAgainFromVersionZero()
    {
        var stale = Session();
        await Sessions.TrySaveAsync(stale, Ct);

        await Sessions.DeleteAsync(stale.Key, Ct);

        Assert.Null(await Sessions.FindAsync(stale.Key, Ct));
        Assert.False(await Sessions.TrySaveAsync(stale, Ct));
        Assert.True(await Sessions.TrySaveAsync(Session(), Ct));
    }
}
