using System.Text.Json.Nodes;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>
/// Real Bot API update JSON as Telegram posts it: ASCII with \uXXXX escapes (the serializer's default
/// encoder escapes every non-ASCII character, emoji as surrogate pairs), dates in Unix seconds.
/// </summary>
internal static class TelegramUpdates
{
    private static int _nextUpdateId = 715_000_000;
    private static int _nextMessageId = 1;

    public static int NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    public static JsonObject User(long id, string firstName = "Олена", string? languageCode = "uk") =>
        new()
        {
            ["id"] = id,
            ["is_bot"] = false,
            ["first_name"] = firstName,
            ["last_name"] = "Коваленко",
            ["username"] = $"resident{id}",
            ["language_code"] = languageCode,
        };

    public static JsonObject PrivateChat(long id, string firstName = "Олена") =>
        new() { ["id"] = id, ["first_name"] = firstName, ["last_name"] = "Коваленко", ["username"] = $"resident{id}", ["type"] = "private" };

    /// <summary>A message in the resident's private chat with the bot; <paramref name="content"/> adds text, contact, photo…</summary>
    public static string Message(long userId, JsonObject content, int? updateId = null, string firstName = "Олена", string? languageCode = "uk")
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["from"] = User(userId, firstName, languageCode),
            ["chat"] = PrivateChat(userId, firstName),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in content.ToList())
        {
            content.Remove(name);
            message[name] = value;
        }

        return Update(updateId, "message", message);
    }

    public static string Text(long userId, string text, int? updateId = null, string firstName = "Олена", string? languageCode = "uk")
    {
        var content = new JsonObject { ["text"] = text };
        if (text.StartsWith('/'))
        {
            // Telegram marks the command with an entity; offsets and lengths count UTF-16 code units.
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
            content["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        }

        return Message(userId, content, updateId, firstName, languageCode);
    }

    public static string Contact(long userId, string phone, long? ownerId, int? updateId = null, string firstName = "Олена", string? languageCode = "uk")
    {
        var contact = new JsonObject { ["phone_number"] = phone, ["first_name"] = firstName };
        if (ownerId is { } owner)
        {
            contact["user_id"] = owner;
        }

        return Message(userId, new JsonObject { ["contact"] = contact }, updateId, firstName, languageCode);
    }

    /// <summary>A pressed inline button under one of the bot's messages in the private chat.</summary>
    public static string Callback(
        long userId, string data, int? updateId = null, string queryId = "4382bfdwdsb323b2d9", string firstName = "Олена", string? languageCode = "uk") =>
        Update(updateId, "callback_query", new JsonObject
        {
            ["id"] = queryId,
            ["from"] = User(userId, firstName, languageCode),
            ["message"] = new JsonObject
            {
                ["message_id"] = 1001,
                ["from"] = new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "Hromada", ["username"] = "HromadaTestBot" },
                ["chat"] = PrivateChat(userId, firstName),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["text"] = "Громада",
            },
            ["chat_instance"] = "-3845216637845219470",
            ["data"] = data,
        });

    public static string MyChatMember(long userId, string oldStatus, string newStatus, int? updateId = null) =>
        Update(updateId, "my_chat_member", new JsonObject
        {
            ["chat"] = PrivateChat(userId),
            ["from"] = User(userId),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["old_chat_member"] = new JsonObject { ["user"] = BotUser(), ["status"] = oldStatus, ["until_date"] = 0 },
            ["new_chat_member"] = new JsonObject { ["user"] = BotUser(), ["status"] = newStatus, ["until_date"] = 0 },
        });

    private static JsonObject BotUser() =>
        new() { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "Hromada", ["username"] = "HromadaTestBot" };

    private static string Update(int? updateId, string kind, JsonObject payload) =>
        new JsonObject { ["update_id"] = updateId ?? NextUpdateId(), [kind] = payload }.ToJsonString();
}
