namespace Hromada.Persistence.Documents;

/// <summary>Who runs a sweep until when; keyed by the sweep's name, so there is one lease per sweep.</summary>
internal sealed class SweepLeaseDocument
{
    public string Id { get; set; } = "";

    public string Holder { get; set; } = "";

    public DateTime Until { get; set; }
}

/// <summary>An item a sweep has finished; keyed by the (sweep, item) pair.</summary>
internal sealed class SweepMarkDocument
{
    public string Id { get; set; } = "";

    public DateTime At { get; set; }

    public static string KeyOf(string sweep, string item) => $"{sweep}/{item}";
}
