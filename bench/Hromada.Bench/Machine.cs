using System.Runtime.InteropServices;

namespace Hromada.Bench;

/// <summary>The machine a run was taken on, printed with its figures: they mean little without it.</summary>
internal static class Machine
{
    public static void Describe(ResultTable table)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024;
        table
            .Add("machine", $"{Environment.ProcessorCount} cores, {ResultTable.Format(memory)} GiB, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}")
            .Add("load average at start (1/5/15 min)", LoadAverage());
    }

    /// <summary>Other work on the machine takes cores from the run; Linux says how much.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
