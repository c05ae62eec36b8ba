namespace Hromada.Core.Dialogs.Admin;

/// <summary>A poll's question short enough for a button.</summary>
public static class PollLabel
{
    public const int Length = 50;

    public static string Shorten(string text) => text.Length <= Length ? text : text[..(Length - 1)] + "…";
}
