using System.Globalization;
using Hromada.Core.Conversations;
using Hromada.Core.Reports;

namespace Hromada.Core.Dialogs.Reports;

/// <summary>What /report collects, kept in the stored session so a restart loses none.</summary>
public sealed class ReportDraft(ConversationSession session)
{
    private readonly ConversationSession _session = session;

    /// <summary>Chosen when the dialog starts, so the filing handled twice stores one report.</summary>
    public string? ReportId
    {
        get => _session.Data.GetValueOrDefault("report");
        set => _session.SetData("report", value);
    }

    public ReportCategory? Category
    {
        get => Enum.TryParse<ReportCategory>(_session.Data.GetValueOrDefault("category"), out var category) ? category : null;
        set => _session.SetData("category", value?.ToString());
    }

    public string? Description
    {
        get => _session.Data.GetValueOrDefault("description");
        set => _session.SetData("description", value);
    }

    /// <summary>The photos sent so far; platform ids and URLs hold no line breaks, so lines keep them apart.</summary>
    public IReadOnlyList<string> PhotoIds
    {
        get => _session.Data.GetValueOrDefault("photos")?.Split('\n') ?? [];
        set => _session.SetData("photos", value.Count == 0 ? null : string.Join('\n', value));
    }

    public GeoPoint? Location
    {
        get => _session.Data.GetValueOrDefault("location")?.Split(',') is [var latitude, var longitude]
            ? new GeoPoint(double.Parse(latitude, CultureInfo.InvariantCulture), double.Parse(longitude, CultureInfo.InvariantCulture))
            : null;
        set => _session.SetData("location", value is null ? null : string.Create(CultureInfo.InvariantCulture, $"{value.Latitude:R},{value.Longitude:R}"));
    }

    public string? Address
    {
        get => _session.Data.GetValueOrDefault("address");
        set => _session.SetData("address", value);
    }

    public bool AnonymousToPublic
    {
        get => _session.Data.GetValueOrDefault("anonymous") == "yes";
        set => _session.SetData("anonymous", value ? "yes" : "no");
    }

    /// <summary>The number of the report nearby the resident chose to join instead of filing a new one.</summary>
    public long? JoinNumber
    {
        get => long.TryParse(_session.Data.GetValueOrDefault("join"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        set => _session.SetData("join", value?.ToString(CultureInfo.InvariantCulture));
    }
}
