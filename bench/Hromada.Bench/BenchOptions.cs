using System.Globalization;

namespace Hromada.Bench;

/// <summary>"--name value" pairs after the command; every option has a default that reproduces the README's figures.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values;

    private BenchOptions(Dictionary<string, string> values) => _values = values;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new BenchFailedException($"Options come as --name value; '{args[i]}' does not.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return new BenchOptions(values);
    }

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(_values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback);

    public TimeSpan Time(string name, TimeSpan fallback) =>
        _values.TryGetValue(name, out var text) ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _values.GetValueOrDefault(name);
}
