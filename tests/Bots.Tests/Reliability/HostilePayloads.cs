using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>
/// Payloads a hostile or broken client might send, made from real ones by a seeded generator so a
/// failure reproduces from its seed: truncated JSON, values of the wrong type, huge strings, deep
/// nesting, invalid UTF-8, lone surrogates, unknown fields, repeated keys, numbers out of range, and
/// bodies that are not JSON at all. Each payload says how it was made, for the failure message.
/// </summary>
internal sealed class HostilePayloads(int seed)
{
    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=utf-16", ""];

    /// <summary>Deep enough for the nesting this generator makes; the host must cope with what it reads.</summary>
    private static readonly JsonSerializerOptions Deep = new() { MaxDepth = 1024 };

    private readonly Random _random = new(seed);

    /// <summary>A mutated copy of <paramref name="valid"/>, its content type, and what was done to it.</summary>
    public (byte[] Body, string ContentType, string How) Mutate(string valid)
    {
        var how = new List<string>();
        var body = _random.Next(10) switch
        {
            0 => Garbage(how),
            < 5 => MutateTree(valid, how),
            _ => MutateText(valid, how),
        };
        if (_random.Next(4) == 0)
        {
            body = MutateBytes(body, how);
        }

        var contentType = ContentTypes[_random.Next(ContentTypes.Length)];
        how.Add($"content type '{contentType}'");
        return (body, contentType, string.Join(", ", how));
    }

    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public string Word() => Convert.ToHexString(BitConverter.GetBytes(_random.NextInt64()));

    private byte[] Garbage(List<string> how)
    {
        switch (_random.Next(6))
        {
            case 0:
                how.Add("empty body");
                return [];
            case 1:
                var bytes = new byte[_random.Next(1, 4096)];
                _random.NextBytes(bytes);
                how.Add($"{bytes.Length} random bytes");
                return bytes;
            case 2:
                string[] scalars = ["null", "[]", "\"update\"", "0", "-1", "true", "{}", "1e999", "[[[]]]"];
                var scalar = scalars[_random.Next(scalars.Length)];
                how.Add($"the JSON {scalar}");
                return Encoding.UTF8.GetBytes(scalar);
            case 3:
                var depth = _random.Next(64, 20_000);
                how.Add($"arrays nested {depth} deep");
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 4:
                var size = _random.Next(1, 3) * 1024 * 1024;
                how.Add($"a {size} byte string");
                return Encoding.UTF8.GetBytes($"{{\"update_id\":1,\"x\":\"{new string('a', size)}\"}}");
            default:
                how.Add("XML");
                return Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><update><update_id>1</update_id></update>");
        }
    }

    /// <summary>Changes values in the parsed document: wrong types, huge strings, deep nesting, unknown fields, removed fields.</summary>
    private byte[] MutateTree(string valid, List<string> how)
    {
        var root = JsonNode.Parse(valid)!;
        var containers = Containers(root).ToList();
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            var container = containers[_random.Next(containers.Count)];
            switch (container)
            {
                case JsonObject obj when obj.Count > 0 && _random.Next(5) > 0:
                    var name = obj.ElementAt(_random.Next(obj.Count)).Key;
                    if (_random.Next(6) == 0)
                    {
                        obj.Remove(name);
                        how.Add($"removed {name}");
                    }
                    else
                    {
                        obj[name] = Hostile(how, name);
                    }

                    break;
                case JsonObject obj:
                    var field = $"unknown_{Word()}";
                    obj[field] = Hostile(how, field);
                    break;
                case JsonArray array:
                    array.Add(Hostile(how, "an array item"));
                    break;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(root, Deep);
    }

    private JsonNode? Hostile(List<string> how, string where)
    {
        switch (_random.Next(12))
        {
            case 0:
                how.Add($"{where} = null");
                return null;
            case 1:
                how.Add($"{where} = a string");
                return JsonValue.Create("🙂 " + Word());
            case 2:
                how.Add($"{where} = a negative number");
                return JsonValue.Create(-_random.NextInt64());
            case 3:
                how.Add($"{where} = 1e308");
                return JsonValue.Create(1e308);
            case 4:
                how.Add($"{where} = true");
                return JsonValue.Create(true);
            case 5:
                how.Add($"{where} = an empty object");
                return new JsonObject();
            case 6:
                how.Add($"{where} = a mixed array");
                return new JsonArray(1, "two", null, new JsonObject { ["three"] = 3 });
            case 7:
                var length = _random.Next(10) == 0 ? _random.Next(64 * 1024, 1_200_000) : _random.Next(200, 10_000);
                how.Add($"{where} = a {length} character string");
                return JsonValue.Create(new string('ї', length));
            case 8:
                var depth = _random.Next(10, 200);
                how.Add($"{where} = objects nested {depth} deep");
                JsonNode nested = new JsonObject();
                for (var level = 0; level < depth; level++)
                {
                    nested = new JsonObject { ["n"] = nested };
                }

                return nested;
            case 9:
                how.Add($"{where} = int64 max");
                return JsonValue.Create(long.MaxValue);
            case 10:
                how.Add($"{where} = control characters");
                return JsonValue.Create("\0\u0001\u001b[31m\u202e" + Word());
            default:
                how.Add($"{where} = 0");
                return JsonValue.Create(0);
        }
    }

    /// <summary>Edits the JSON text: cut short, a key repeated, a lone surrogate escape, a number too long for any type.</summary>
    private byte[] MutateText(string valid, List<string> how)
    {
        switch (_random.Next(5))
        {
            case 0:
                var cut = _random.Next(valid.Length);
                how.Add($"truncated at {cut} of {valid.Length}");
                return Encoding.UTF8.GetBytes(valid[..cut]);
            case 1:
                how.Add("a key repeated with another type");
                return Encoding.UTF8.GetBytes(valid.Insert(1, "\"update_id\":\"again\",\"event\":7,\"userId\":[],"));
            case 2:
                how.Add("a lone surrogate escape");
                return Encoding.UTF8.GetBytes(InsertIntoString(valid, "\\ud800"));
            case 3:
                how.Add("a 400 digit number");
                return Encoding.UTF8.GetBytes(valid.Insert(1, $"\"big\":{new string('9', 400)},"));
            default:
                how.Add("an invalid escape");
                return Encoding.UTF8.GetBytes(InsertIntoString(valid, "\\x41\\u12"));
        }
    }

    /// <summary>Puts bytes that are not UTF-8 (or are overlong or surrogate encodings) somewhere in the body.</summary>
    private byte[] MutateBytes(byte[] body, List<string> how)
    {
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]];
        var bytes = invalid[_random.Next(invalid.Length)];
        var at = _random.Next(body.Length + 1);
        how.Add($"invalid UTF-8 {Convert.ToHexString(bytes)} at {at}");
        return [.. body[..at], .. bytes, .. body[at..]];
    }

    private string InsertIntoString(string json, string text)
    {
        var quote = json.IndexOf("\":\"", _random.Next(json.Length / 2), StringComparison.Ordinal);
        return quote < 0 ? json.Insert(json.Length / 2, text) : json.Insert(quote + 3, text);
    }

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(property => property.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().Where(child => child is JsonObject or JsonArray))
        {
            foreach (var container in Containers(child))
            {
                yield return container;
            }
        }
    }
}
