using System.Globalization;

namespace Hromada.Bench;

/// <summary>The figures of one run as a table on the console: what, how much, the target and whether it was met.</summary>
internal sealed class ResultTable(string title)
{
    private readonly List<(string Figure, string Value, string Target, string Verdict)> _rows = [];

    public static string Format(double value, string format = "F0") => value.ToString(format, CultureInfo.InvariantCulture);

    public ResultTable Add(string figure, string value) => AddRow(figure, value, "", "");

    /// <summary>A figure with a target; <paramref name="met"/> says whether the value reaches it.</summary>
    public ResultTable Add(string figure, string value, string target, bool met) => AddRow(figure, value, target, met ? "met" : "MISSED");

    public void Print()
    {
        string[] header = ["figure", "value", "target", ""];
        var widths = Enumerable.Range(0, 4)
            .Select(i => _rows.Select(row => Cell(row, i).Length).Append(header[i].Length).Max())
            .ToArray();
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(Line(header, widths));
        Console.WriteLine(Line([.. widths.Select(width => new string('-', width))], widths));
        foreach (var row in _rows)
        {
            Console.WriteLine(Line([row.Figure, row.Value, row.Target, row.Verdict], widths));
        }

        Console.WriteLine();
    }

    private ResultTable AddRow(string figure, string value, string target, string verdict)
    {
        _rows.Add((figure, value, target, verdict));
        return this;
    }

    private static string Cell((string Figure, string Value, string Target, string Verdict) row, int column) => column switch
    {
        0 => row.Figure,
        1 => row.Value,
        2 => row.Target,
        _ => row.Verdict,
    };

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, i) => i == 1 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))) + " |";
}
