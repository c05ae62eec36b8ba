using System.Text.Json.Serialization;
using Hromada.Core.Communities;
using Hromada.Core.Localization;
using Hromada.Core.Reports;

namespace Hromada.Bots.Open311;

/// <summary>
/// GET services.json: one report category. <see cref="Metadata"/> is false (a report needs no extra
/// attributes), so there is no service definition to fetch; <see cref="Type"/> is "realtime" because a
/// filed report gets its number at once.
/// </summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group)
{
    public static Open311Service From(ReportCategory category, Language language) => new(
        ServiceCodes.Of(category),
        ReportNames.Category(language, category),
        Texts.Get(language, $"Open311_Service_{category}"),
        Metadata: false,
        Type: "realtime",
        Texts.Get(language, $"Open311_Keywords_{category}"),
        Texts.Get(language, $"Open311_Group_{ServiceCodes.GroupOf(category)}"));
}

/// <summary>
/// GET requests.json and requests/{id}.json: a report as the public sees it. It never names its reporter
/// or anyone who joined it, anonymous or not: GeoReport v2 has no field for them, and the feed is public.
/// </summary>
/// <param name="ServiceRequestId">The report's number, as residents and moderators know it ("№42").</param>
/// <param name="Status">"open" (new, acknowledged, in progress) or "closed" (resolved, rejected).</param>
/// <param name="StatusNotes">The note of the latest status change (the reason, for a rejected report). Moderators'
/// replies are not published: they are written to the residents who follow the report and may address them by name.</param>
/// <param name="AgencyResponsible">The community whose moderators handle it.</param>
/// <param name="MediaUrl">Only the URL a dispatch system gave when it filed the report; residents' photos are
/// Telegram or Viber file references, which are neither public nor meant to leave the platform.</param>
public sealed record Open311ServiceRequest(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("long")] double? Longitude,
    [property: JsonPropertyName("media_url")] string? MediaUrl)
{
    public static Open311ServiceRequest From(ProblemReport report, Language language, CommunityDirectory communities) => new(
        ServiceRequestIds.Of(report),
        Open311Statuses.Of(report),
        report.History.Count > 0 ? report.History[^1].Note : null,
        ReportNames.Category(language, report.Category),
        ServiceCodes.Of(report.Category),
        report.Description,
        communities.Find(report.CommunityId) is { } community ? CommunityDirectory.NameOf(community, language) : report.CommunityId,
        ServiceNotice: null,
        W3cDate.Format(report.CreatedAt),
        W3cDate.Format(report.UpdatedAt),
        ExpectedDatetime: null,
        report.Address,
        AddressId: null,
        Zipcode: null,
        report.Location?.Latitude,
        report.Location?.Longitude,
        report.Open311KeyId is not null && report.PhotoIds.Count > 0 ? report.PhotoIds[0] : null);
}

/// <summary>POST requests.json: the number the new report got, and what happens next.</summary>
/// <param name="AccountId">Always null: Hromada keeps no accounts for dispatch systems' users.</param>
public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

/// <summary>One entry of GeoReport v2's error array; <see cref="Code"/> repeats the HTTP status.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);
