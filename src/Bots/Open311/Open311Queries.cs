using Hromada.Core.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bots.Open311;

/// <summary>
/// What GET services.json and GET requests/{id}.json take. Every value arrives as text and is checked by
/// its validator, so a wrong one is answered with GeoReport's error array rather than a binding failure.
/// </summary>
/// <param name="JurisdictionId">A community id (GET /api/v1/communities lists them); all communities when left out.</param>
/// <param name="Locale">Hromada's addition: "en" names services in English; Accept-Language does too. Ukrainian otherwise.</param>
public sealed record JurisdictionQuery(
    [FromQuery(Name = "jurisdiction_id")] string? JurisdictionId,
    [FromQuery(Name = "locale")] string? Locale)
{
    internal string? Jurisdiction => Open311Values.Given(JurisdictionId);
}

/// <summary>GET requests.json: the filters of GeoReport v2, all optional.</summary>
/// <param name="ServiceRequestId">Report numbers, comma separated; when given, the other filters (but the jurisdiction) are ignored.</param>
/// <param name="ServiceCode">Service codes, comma separated (or the parameter repeated).</param>
/// <param name="StartDate">The earliest requested_datetime to include, a W3C date-time with its zone.</param>
/// <param name="EndDate">The latest requested_datetime to include; at most 90 days after <paramref name="StartDate"/>.</param>
/// <param name="Status">open, closed, or both comma separated.</param>
public sealed record RequestListQuery(
    [FromQuery(Name = "jurisdiction_id")] string? JurisdictionId,
    [FromQuery(Name = "service_request_id")] string? ServiceRequestId,
    [FromQuery(Name = "service_code")] string? ServiceCode,
    [FromQuery(Name = "start_date")] string? StartDate,
    [FromQuery(Name = "end_date")] string? EndDate,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "locale")] string? Locale)
{
    /// <summary>GeoReport v2's bound on one answer; the newest come first.</summary>
    public const int MaxResults = 1000;

    /// <summary>How many numbers one call may ask for; each is one read.</summary>
    public const int MaxIds = 100;

    /// <summary>The longest window GeoReport v2 allows, and the one used when a bound is left out.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    internal string? Jurisdiction => Open311Values.Given(JurisdictionId);

    /// <summary>The report numbers asked for, in the order asked, each once; null when none were.</summary>
    internal IReadOnlyList<long>? Numbers =>
        Open311Values.Parts(ServiceRequestId) is { Length: > 0 } ids ? [.. ids.Select(id => ServiceRequestIds.Parse(id)!.Value).Distinct()] : null;

    /// <summary>
    /// The filters for the store. Without dates the window is the last 90 days; with one date it is the
    /// 90 days after the start or before the end. end_date is included: reports are stored to the millisecond.
    /// </summary>
    internal ReportFilter Filter(DateTimeOffset now)
    {
        var (from, to) = (W3cDate.Parse(StartDate), W3cDate.Parse(EndDate)) switch
        {
            ({ } start, { } end) => (start, end),
            ({ } start, null) => (start, start + MaxSpan),
            (null, { } end) => (end - MaxSpan, end),
            _ => (now - MaxSpan, now),
        };
        var statuses = Open311Values.Parts(Status).SelectMany(status => Open311Statuses.Parse(status)!).Distinct().ToList();
        var categories = Open311Values.Parts(ServiceCode).Select(code => ServiceCodes.Parse(code)!.Value).Distinct().ToList();
        return new ReportFilter(Jurisdiction, statuses, categories, from, to.AddMilliseconds(1), MaxResults);
    }
}

/// <summary>
/// POST requests.json, read from the form as GeoReport v2 sends it. The submitter's personal fields
/// (email, device_id, account_id, first_name, last_name, phone) are not read: the person behind a
/// dispatch system is no Hromada resident, so nothing could export or forget their data.
/// </summary>
/// <param name="LatitudeText">The form's lat; with long, the place; or <paramref name="AddressString"/>, or both.</param>
/// <param name="AddressId">Not supported: Hromada has no address registry to look it up in.</param>
/// <param name="MediaUrl">A public http(s) URL of a photo, published again as the request's media_url.</param>
public sealed record CreateRequestForm(
    string? ApiKey,
    string? JurisdictionId,
    string? ServiceCode,
    string? LatitudeText,
    string? LongitudeText,
    string? AddressString,
    string? AddressId,
    string? Description,
    string? MediaUrl,
    string? Locale)
{
    internal string? Jurisdiction => Open311Values.Given(JurisdictionId);

    internal double? Latitude => Open311Values.Number(LatitudeText);

    internal double? Longitude => Open311Values.Number(LongitudeText);

    public static CreateRequestForm From(IFormCollection form) => new(
        Field(form, "api_key"),
        Field(form, "jurisdiction_id"),
        Field(form, "service_code"),
        Field(form, "lat"),
        Field(form, "long"),
        Field(form, "address_string"),
        Field(form, "address_id"),
        Field(form, "description"),
        Field(form, "media_url"),
        Field(form, "locale"));

    private static string? Field(IFormCollection form, string name) => Open311Values.Given(form[name]);
}
