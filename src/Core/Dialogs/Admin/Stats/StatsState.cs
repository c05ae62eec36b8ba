namespace Hromada.Core.Dialogs.Admin.Stats;

/// <summary>/stats answers at once: it has no question to wait on.</summary>
public enum StatsState
{
    Completed,
    Cancelled,
}
