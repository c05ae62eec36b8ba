using System.Buffers;
using System.Text.Json;

namespace Hromada.Bench;

/// <summary>
/// Update JSON as Telegram posts it to a webhook: private chat, the sender's profile, Unix dates, and
/// non-ASCII text escaped as \uXXXX (the writer's default encoder does the same).
/// </summary>
internal static class TelegramUpdateJson
{
    private static long _nextUpdateId = 815_000_000;
    private static long _nextMessageId;

    public static long NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    public static byte[] Text(long userId, string text, long? updateId = null) =>
        Write(updateId, writer =>
        {
            writer.WriteStartObject("message");
            Message(writer, userId);
            writer.WriteString("text", text);
            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
                writer.WriteStartArray("entities");
                writer.WriteStartObject();
                writer.WriteNumber("offset", 0);
                writer.WriteNumber("length", length);
                writer.WriteString("type", "bot_command");
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });

    /// <summary>A pressed inline button under one of the bot's messages.</summary>
    public static byte[] Callback(long userId, string data) =>
        Write(null, writer =>
        {
            writer.WriteStartObject("callback_query");
            writer.WriteString("id", $"{userId}{Interlocked.Increment(ref _nextMessageId)}");
            User(writer, "from", userId);
            writer.WriteStartObject("message");
            writer.WriteNumber("message_id", 1001);
            writer.WriteStartObject("from");
            writer.WriteNumber("id", 123456789);
            writer.WriteBoolean("is_bot", true);
            writer.WriteString("first_name", "Hromada");
            writer.WriteString("username", "HromadaBenchBot");
            writer.WriteEndObject();
            Chat(writer, userId);
            writer.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            writer.WriteString("text", "Громада");
            writer.WriteEndObject();
            writer.WriteString("chat_instance", "-3845216637845219470");
            writer.WriteString("data", data);
            writer.WriteEndObject();
        });

    private static void Message(Utf8JsonWriter writer, long userId)
    {
        writer.WriteNumber("message_id", Interlocked.Increment(ref _nextMessageId));
        User(writer, "from", userId);
        Chat(writer, userId);
        writer.WriteNumber("date", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    private static void User(Utf8JsonWriter writer, string name, long userId)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("id", userId);
        writer.WriteBoolean("is_bot", false);
        writer.WriteString("first_name", "Олена");
        writer.WriteString("last_name", "Коваленко");
        writer.WriteString("username", $"resident{userId}");
        writer.WriteString("language_code", "uk");
        writer.WriteEndObject();
    }

    private static void Chat(Utf8JsonWriter writer, long userId)
    {
        writer.WriteStartObject("chat");
        writer.WriteNumber("id", userId);
        writer.WriteString("first_name", "Олена");
        writer.WriteString("last_name", "Коваленко");
        writer.WriteString("username", $"resident{userId}");
        writer.WriteString("type", "private");
        writer.WriteEndObject();
    }

    private static byte[] Write(long? updateId, Action<Utf8JsonWriter> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("update_id", updateId ?? NextUpdateId());
            payload(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
