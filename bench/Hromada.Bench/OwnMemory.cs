using System.Diagnostics;

namespace Hromada.Bench;

/// <summary>
/// This process's peak resident memory (VmHWM on Linux), which Linux lets a process reset: so one
/// phase of a run is measured on its own, not with the seeding before it.
/// </summary>
internal static class OwnMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Collects garbage, resets the peak to what is held now (where the OS allows it), and returns that, in MiB.</summary>
    public static double ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (File.Exists(ClearRefs))
        {
            // "5" resets the peak resident set size to the current one (Linux 4.0 and later).
            File.WriteAllText(ClearRefs, "5");
        }

        return PeakMiB();
    }

    public static double PeakMiB()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
