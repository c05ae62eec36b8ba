using Hromada.Bots.Channels.Telegram;
using Hromada.Core.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace Hromada.Bots.Tests.Channels.Telegram;

public sealed class TelegramReplyRendererTests
{
    private static readonly IReadOnlyList<IReadOnlyList<ReplyButton>> TwoRows =
        [[new ReplyButton("Профіль", "/profile"), new ReplyButton("Мова", "/language")], [new ReplyButton("Довідка", "/help")]];

    [Fact]
    public void Render_Buttons_InlineKeyboardWithCallbackData()
    {
        var reply = new OutboundReply("Головне меню") { Buttons = TwoRows };

        var part = Assert.IsType<TelegramPart.Text>(Assert.Single(TelegramReplyRenderer.Render(reply)));

        var keyboard = Assert.IsType<InlineKeyboardMarkup>(part.Markup);
        Assert.Equal(
            [["/profile", "/language"], ["/help"]],
            keyboard.InlineKeyboard.Select(row => row.Select(button => button.CallbackData).ToArray()).ToArray());
        Assert.Equal("Профіль", keyboard.InlineKeyboard.First().First().Text);
    }

    [Fact]
    public void Render_ContactRequested_ReplyKeyboardWithContactButtonThenLabels()
    {
        var reply = new OutboundReply("Поділіться номером")
        {
            ContactButtonLabel = "📱 Поділитися номером",
            Buttons = [[new ReplyButton("Пропустити", "skip")]],
        };

        var part = Assert.Single(TelegramReplyRenderer.Render(reply));

        var keyboard = Assert.IsType<ReplyKeyboardMarkup>(part.Markup);
        var rows = keyboard.Keyboard.Select(row => row.ToArray()).ToArray();
        Assert.True(rows[0][0].RequestContact);
        Assert.Equal("📱 Поділитися номером", rows[0][0].Text);
        Assert.Equal("Пропустити", rows[1][0].Text);
        Assert.False(rows[1][0].RequestContact);
        Assert.True(keyboard.OneTimeKeyboard);
        Assert.True(keyboard.ResizeKeyboard);
    }

    [Fact]
    public void Render_LocationRequested_ReplyKeyboardWithLocationButtonThenLabels()
    {
        var reply = new OutboundReply("Де це?")
        {
            LocationButtonLabel = "📍 Надіслати геопозицію",
            Buttons = [[new ReplyButton("Скасувати", "/cancel")]],
        };

        var part = Assert.Single(TelegramReplyRenderer.Render(reply));

        var keyboard = Assert.IsType<ReplyKeyboardMarkup>(part.Markup);
        var rows = keyboard.Keyboard.Select(row => row.ToArray()).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(("📍 Надіслати геопозицію", true, false), (rows[0][0].Text, rows[0][0].RequestLocation, rows[0][0].RequestContact));
        Assert.Equal(("Скасувати", false), (rows[1][0].Text, rows[1][0].RequestLocation));
        Assert.True(keyboard.OneTimeKeyboard);
    }

    [Fact]
    public void Render_TextOverLimit_SplitAtLineBreaksButtonsOnLastPart()
    {
        var paragraph = new string('а', 3000);
        var reply = new OutboundReply($"{paragraph}\n{paragraph}\n{paragraph}") { Buttons = TwoRows };

        var parts = TelegramReplyRenderer.Render(reply).Cast<TelegramPart.Text>().ToList();

        Assert.Equal(3, parts.Count);
        Assert.All(parts, part => Assert.Equal(paragraph, part.Content));
        Assert.Null(parts[0].Markup);
        Assert.Null(parts[1].Markup);
        Assert.IsType<InlineKeyboardMarkup>(parts[2].Markup);
    }

    [Fact]
    public void Split_NoBreakNearLimit_NeverCutsASurrogatePair()
    {
        var text = new string('x', TelegramReplyRenderer.MaxTextLength - 1) + "👋" + "кінець";

        var parts = TelegramReplyRenderer.Split(text, TelegramReplyRenderer.MaxTextLength);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, part => Assert.True(part.Length <= TelegramReplyRenderer.MaxTextLength));
        Assert.False(char.IsHighSurrogate(parts[0][^1]));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Render_PhotoWithShortText_OnePhotoWithCaptionAndKeyboard()
    {
        var reply = new OutboundReply("Подія в суботу") { PhotoUrl = "https://example.org/poster.jpg", Buttons = TwoRows };

        var part = Assert.IsType<TelegramPart.Photo>(Assert.Single(TelegramReplyRenderer.Render(reply)));

        Assert.Equal("https://example.org/poster.jpg", part.Source);
        Assert.Equal("Подія в суботу", part.Caption);
        Assert.IsType<InlineKeyboardMarkup>(part.Markup);
    }

    [Fact]
    public void Render_DocumentWithTextOverCaptionLimit_DocumentThenText()
    {
        var document = new ReplyDocument("report.csv", "text/csv", [1, 2, 3]);
        var reply = new OutboundReply(new string('т', TelegramReplyRenderer.MaxCaptionLength + 1)) { Document = document, Buttons = TwoRows };

        var parts = TelegramReplyRenderer.Render(reply);

        Assert.Collection(
            parts,
            first => Assert.Null(Assert.IsType<TelegramPart.Document>(first).Caption),
            second => Assert.IsType<InlineKeyboardMarkup>(Assert.IsType<TelegramPart.Text>(second).Markup));
    }

    [Theory]
    [InlineData("")]
    [InlineData("community:дуже-довга-назва-громади-що-не-влазить")]
    public void Render_ButtonDataNotWithin64Bytes_Throws(string data)
    {
        var reply = new OutboundReply("?") { Buttons = [[new ReplyButton("Кнопка", data)]] };

        var exception = Assert.Throws<InvalidOperationException>(() => TelegramReplyRenderer.Render(reply));

        Assert.Contains("64 bytes", exception.Message, StringComparison.Ordinal);
    }
}
