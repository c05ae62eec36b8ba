using System.Text.Json;
using Hromada.Bots.Channels.Telegram;
using Hromada.Core.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>Every update kind, as raw Bot API JSON (ASCII with \u escapes), through the pure mapper.</summary>
public sealed class TelegramUpdateMapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Map_PrivateText_KeepsTextLanguageAndFirstName()
    {
        const string json = """
            {"update_id":715000001,
             "message":{"message_id":52,"from":{"id":384756291,"is_bot":false,"first_name":"\u041e\u043b\u0435\u043d\u0430","last_name":"\u041a\u043e\u0432\u0430\u043b\u0435\u043d\u043a\u043e","username":"olena_k","language_code":"uk"},
                        "chat":{"id":384756291,"first_name":"\u041e\u043b\u0435\u043d\u0430","username":"olena_k","type":"private"},
                        "date":1772366400,"text":"\u041f\u0440\u0438\u0432\u0456\u0442 \ud83d\udc4b"}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal(ChannelKind.Telegram, inbound.Channel);
        Assert.Equal("715000001", inbound.UpdateId);
        Assert.Equal("384756291", inbound.PlatformUserId);
        Assert.Equal("384756291", inbound.ChatId);
        Assert.Equal("Привіт 👋", inbound.Text);
        Assert.Equal("uk", inbound.LanguageCode);
        Assert.Equal("Олена", inbound.DisplayName);
        Assert.Equal(Now, inbound.ReceivedAt);
    }

    [Theory]
    [InlineData("/menu@HromadaTestBot", "/menu", "")]
    [InlineData("/start community-kamianske", "/start", "community-kamianske")]
    public void Map_Command_KeepsTextForCoreToParse(string text, string command, string argument)
    {
        var inbound = MapMessage(TelegramUpdates.Text(42, text));

        var parsed = Hromada.Core.Conversations.BotCommand.From(inbound);

        Assert.Equal(text, inbound.Text);
        Assert.Equal(command, parsed?.Name);
        Assert.Equal(argument, parsed?.Argument);
    }

    [Fact]
    public void Map_CallbackQuery_ButtonDataInTheMessagesChat()
    {
        var inbound = MapMessage(TelegramUpdates.Callback(42, "consent:yes"));

        Assert.Equal("consent:yes", inbound.ButtonData);
        Assert.Equal("42", inbound.ChatId);
        Assert.Null(inbound.Text);
    }

    [Fact]
    public void Map_CallbackFromInlineModeMessage_ChatIsTheUser()
    {
        const string json = """
            {"update_id":715000002,
             "callback_query":{"id":"1650465930713957281","from":{"id":384756291,"is_bot":false,"first_name":"Olena","language_code":"en"},
                               "inline_message_id":"AgAAAHsRAQAbF4kW3l8AAAAA","chat_instance":"-6118225430437398411","data":"menu"}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal("384756291", inbound.ChatId);
        Assert.Equal("menu", inbound.ButtonData);
        Assert.Equal("en", inbound.LanguageCode);
    }

    [Fact]
    public void Map_CallbackWhoseMessageIsGone_StillMapsToTheChat()
    {
        const string json = """
            {"update_id":715000003,
             "callback_query":{"id":"1650465930713957282","from":{"id":384756291,"is_bot":false,"first_name":"Olena"},
                               "message":{"message_id":7,"chat":{"id":384756291,"first_name":"Olena","type":"private"},"date":0},
                               "chat_instance":"-6118225430437398411","data":"done"}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal("384756291", inbound.ChatId);
        Assert.Equal("done", inbound.ButtonData);
    }

    [Fact]
    public void Map_OwnContact_VerifiedAndNormalized()
    {
        var inbound = MapMessage(TelegramUpdates.Contact(42, "380501234567", ownerId: 42));

        Assert.Equal(new SharedContact("+380501234567", ContactOwnership.SendersOwn), inbound.Contact);
    }

    [Theory]
    [InlineData(77L)]
    [InlineData(null)]
    public void Map_SomebodyElsesContact_NotVerified(long? ownerId)
    {
        var inbound = MapMessage(TelegramUpdates.Contact(42, "+380671112233", ownerId));

        Assert.Equal(new SharedContact("+380671112233", ContactOwnership.SomebodyElses), inbound.Contact);
    }

    [Fact]
    public void Map_Location_GeoPoint()
    {
        const string json = """
            {"update_id":715000004,
             "message":{"message_id":60,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,"location":{"latitude":48.511421,"longitude":34.603226}}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal(new GeoPoint(48.511421, 34.603226), inbound.Location);
    }

    [Fact]
    public void Map_Venue_TakesTheVenuesLocation()
    {
        const string json = """
            {"update_id":715000005,
             "message":{"message_id":61,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,
                        "location":{"latitude":48.5,"longitude":34.6},
                        "venue":{"location":{"latitude":48.513,"longitude":34.6035},"title":"\u041c\u0456\u0441\u044c\u043a\u0430 \u0440\u0430\u0434\u0430","address":"\u043f\u0440. \u0422\u0430\u0440\u0430\u0441\u0430 \u0428\u0435\u0432\u0447\u0435\u043d\u043a\u0430, 2"}}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal(new GeoPoint(48.513, 34.6035), inbound.Location);
    }

    [Fact]
    public void Map_PhotoWithCaption_LargestSizeAndCaptionAsText()
    {
        const string json = """
            {"update_id":715000006,
             "message":{"message_id":62,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,
                        "photo":[{"file_id":"AgACAgIAAxkBAAMFsmall","file_unique_id":"AQADs","file_size":1402,"width":90,"height":67},
                                 {"file_id":"AgACAgIAAxkBAAMFlarge","file_unique_id":"AQADl","file_size":98112,"width":1280,"height":960},
                                 {"file_id":"AgACAgIAAxkBAAMFmedium","file_unique_id":"AQADm","file_size":21880,"width":320,"height":240}],
                        "caption":"\u042f\u043c\u0430 \u043d\u0430 \u0434\u043e\u0440\u043e\u0437\u0456 \ud83d\udea7"}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal("AgACAgIAAxkBAAMFlarge", inbound.PhotoId);
        Assert.Equal("Яма на дорозі 🚧", inbound.Text);
    }

    [Theory]
    [InlineData("image/jpeg", "BQACAgIAAxkBAAMGdoc")]
    [InlineData("application/pdf", null)]
    public void Map_Document_ImageCountsAsPhotoCaptionAsText(string mimeType, string? photoId)
    {
        var json = $$$"""
            {"update_id":715000007,
             "message":{"message_id":63,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,
                        "document":{"file_name":"scan.bin","mime_type":"{{{mimeType}}}","file_id":"BQACAgIAAxkBAAMGdoc","file_unique_id":"AgADd","file_size":20480},
                        "caption":"\u0414\u043e\u043a\u0443\u043c\u0435\u043d\u0442"}}
            """;

        var inbound = MapMessage(json);

        Assert.Equal(photoId, inbound.PhotoId);
        Assert.Equal("Документ", inbound.Text);
    }

    [Fact]
    public void Map_Sticker_MessageWithoutContentSoTheBotAnswers()
    {
        const string json = """
            {"update_id":715000008,
             "message":{"message_id":64,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,
                        "sticker":{"width":512,"height":512,"emoji":"\ud83d\udc4d","is_animated":false,"is_video":false,"type":"regular","file_id":"CAACAgIAAxkBAAMH","file_unique_id":"AgADst"}}}
            """;

        var inbound = MapMessage(json);

        Assert.Null(inbound.Text);
        Assert.Null(inbound.PhotoId);
    }

    [Fact]
    public void Map_GroupMessage_Ignored()
    {
        const string json = """
            {"update_id":715000009,
             "message":{"message_id":65,"from":{"id":42,"is_bot":false,"first_name":"Olena"},
                        "chat":{"id":-1001234567890,"title":"\u0413\u0440\u043e\u043c\u0430\u0434\u0430 \u0426\u0435\u043d\u0442\u0440","type":"supergroup"},
                        "date":1772366400,"text":"/start@HromadaTestBot"}}
            """;

        var meaning = Map(json);

        Assert.IsType<TelegramUpdateMeaning.Ignored>(meaning);
    }

    [Fact]
    public void Map_ChannelPostWithoutFrom_Ignored()
    {
        const string json = """
            {"update_id":715000010,
             "channel_post":{"message_id":12,"sender_chat":{"id":-1009876543210,"title":"\u041d\u043e\u0432\u0438\u043d\u0438","type":"channel"},
                             "chat":{"id":-1009876543210,"title":"\u041d\u043e\u0432\u0438\u043d\u0438","type":"channel"},"date":1772366400,"text":"\u041e\u0433\u043e\u043b\u043e\u0448\u0435\u043d\u043d\u044f"}}
            """;

        var meaning = Map(json);

        Assert.IsType<TelegramUpdateMeaning.Ignored>(meaning);
    }

    [Fact]
    public void Map_ServiceMessage_Ignored()
    {
        const string json = """
            {"update_id":715000011,
             "message":{"message_id":66,"from":{"id":42,"is_bot":false,"first_name":"Olena"},"chat":{"id":42,"first_name":"Olena","type":"private"},
                        "date":1772366400,"write_access_allowed":{"from_request":true}}}
            """;

        var meaning = Map(json);

        Assert.IsType<TelegramUpdateMeaning.Ignored>(meaning);
    }

    [Fact]
    public void Map_UnknownUpdateKind_Ignored()
    {
        const string json = """{"update_id":715000012,"message_reaction":{"chat":{"id":42,"type":"private"},"message_id":5,"date":1772366400,"old_reaction":[],"new_reaction":[{"type":"emoji","emoji":"\ud83d\udc4d"}]}}""";

        var meaning = Map(json);

        Assert.IsType<TelegramUpdateMeaning.Ignored>(meaning);
    }

    [Theory]
    [InlineData("member", "kicked", false)]
    [InlineData("kicked", "member", true)]
    public void Map_MyChatMember_ReachabilityOfTheUser(string oldStatus, string newStatus, bool reachable)
    {
        var meaning = Map(TelegramUpdates.MyChatMember(42, oldStatus, newStatus));

        var changed = Assert.IsType<TelegramUpdateMeaning.ReachabilityChanged>(meaning);
        Assert.Equal(new IdentityKey(ChannelKind.Telegram, "42"), changed.Identity);
        Assert.Equal(reachable, changed.Reachable);
    }

    private static TelegramUpdateMeaning Map(string json) =>
        TelegramUpdateMapper.Map(JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!, Now);

    private static InboundMessage MapMessage(string json) =>
        Assert.IsType<TelegramUpdateMeaning.Message>(Map(json)).Inbound;
}
