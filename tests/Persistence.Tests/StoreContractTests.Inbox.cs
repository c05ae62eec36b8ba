using Hromada.Core.Conversations;

namespace Hromada.Persistence.Tests;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 10, 30, 0, TimeSpan.FromHours(2));

    protected static InboundMessage Update(string updateId, ChannelKind channel = ChannelKind.Telegram) =>
        new(channel, updateId, PlatformUserId: "501", ChatId: "501", ReceivedAt) { Text = $"text {updateId}" };

    [Fact]
    public async Task TryAddAsync_NewUpdate_ReturnsPendingEntry()
    {
        var message = Update("1");

        var entry = await Inbox.TryAddAsync(message, Ct);

        Assert.NotNull(entry);
        Assert.Equal(InboxStatus.Pending, entry.Status);
        Assert.Equal(message, entry.Message);
        Assert.True(entry.Sequence > 0);
    }

    [Fact]
    public async Task TryAddAsync_SameUpdateTwice_ReturnsNullAndKeepsOne()
    {
        await Inbox.TryAddAsync(Update("1"), Ct);

        var duplicate = await Inbox.TryAddAsync(Update("1") with { Text = "redelivered" }, Ct);

        Assert.Null(duplicate);
        var pending = Assert.Single(await Inbox.GetPendingAsync(Ct));
        Assert.Equal("text 1", pending.Message.Text);
    }

    /// <summary>Update ids are exact: LiteDB's default collation would have taken these for one.</summary>
    [Fact]
    public async Task TryAddAsync_UpdateIdsDifferingOnlyInCase_AcceptsBoth()
    {
        await Inbox.TryAddAsync(Update("5Ab", ChannelKind.Viber), Ct);

        var other = await Inbox.TryAddAsync(Update("5aB", ChannelKind.Viber), Ct);

        Assert.NotNull(other);
        Assert.Equal(["5Ab", "5aB"], (await Inbox.GetPendingAsync(Ct)).Select(entry => entry.Message.UpdateId));
    }

    [Fact]
    public async Task TryAddAsync_SameUpdateIdOnAnotherChannel_Accepts()
    {
        await Inbox.TryAddAsync(Update("1", ChannelKind.Telegram), Ct);

        var entry = await Inbox.TryAddAsync(Update("1", ChannelKind.Viber), Ct);

        Assert.NotNull(entry);
    }

    [Fact]
    public async Task TryAddAsync_SameUpdateConcurrently_AcceptsExactlyOne()
    {
        var entries = await RunConcurrentlyAsync(20, _ => Inbox.TryAddAsync(Update("7"), Ct));

        Assert.Single(entries, entry => entry is not null);
        Assert.Single(await Inbox.GetPendingAsync(Ct));
    }

    [Fact]
    public async Task TryAddAsync_DistinctUpdatesConcurrently_AssignsDistinctSequences()
    {
        var entries = await RunConcurrentlyAsync(20, i => Inbox.TryAddAsync(Update($"u{i}"), Ct));

        var sequences = entries.Select(entry => Assert.IsType<InboxEntry>(entry).Sequence).ToList();
        Assert.Equal(20, sequences.Distinct().Count());
        Assert.Equal(sequences.Order(), (await Inbox.GetPendingAsync(Ct)).Select(entry => entry.Sequence));
    }

    [Fact]
    public async Task TryAddAsync_OneAfterAnother_AssignsIncreasingSequences()
    {
        var first = await Inbox.TryAddAsync(Update("1"), Ct);
        await Inbox.TryAddAsync(Update("1"), Ct);

        var second = await Inbox.TryAddAsync(Update("2"), Ct);

        Assert.True(second!.Sequence > first!.Sequence);
    }

    [Fact]
    public async Task GetPendingAsync_SomeMarked_ReturnsTheRestInSequenceOrder()
    {
        var first = await Inbox.TryAddAsync(Update("1"), Ct);
        var second = await Inbox.TryAddAsync(Update("2"), Ct);
        var third = await Inbox.TryAddAsync(Update("3"), Ct);
        var fourth = await Inbox.TryAddAsync(Update("4"), Ct);
        await Inbox.MarkAsync(second!.Sequence, InboxStatus.Handled, Ct);
        await Inbox.MarkAsync(fourth!.Sequence, InboxStatus.Failed, Ct);

        var pending = await Inbox.GetPendingAsync(Ct);

        Assert.Equal([first!.Sequence, third!.Sequence], pending.Select(entry => entry.Sequence));
        Assert.Equal(["1", "3"], pending.Select(entry => entry.Message.UpdateId));
    }

    [Fact]
    public async Task GetPendingAsync_MessageWithEveryField_ReturnsItUnchanged()
    {
        var message = Update("1") with
        {
            ButtonData = "poll:3",
            Contact = new SharedContact("+380501234567", ContactOwnership.SendersOwn),
            Location = new GeoPoint(48.5079, 34.6133),
            PhotoId = "photo-file-id",
            LanguageCode = "uk",
            DisplayName = "Олена",
        };
        await Inbox.TryAddAsync(message, Ct);

        var pending = await Inbox.GetPendingAsync(Ct);

        Assert.Equal(message, Assert.Single(pending).Message);
    }
}
