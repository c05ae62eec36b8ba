using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hromada.Bots.Open311;

/// <summary>
/// GET /open311/discovery.json, the service discovery document GeoReport v2 asks every server for: where
/// the endpoint is, in which format, and whom to ask for a key.
/// </summary>
/// <param name="Changeset">When this document or the service list last changed; clients read services.json again after it.</param>
public sealed record Open311Discovery(
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("key_service")] string KeyService,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<Open311Endpoint> Endpoints)
{
    /// <summary>Moved on whenever the report categories or this endpoint change.</summary>
    public const string LastChanged = "2026-11-23T00:00:00+02:00";

    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>The endpoint at the address the caller reached this host by.</summary>
    public static Ok<Open311Discovery> Describe(HttpRequest request) => TypedResults.Ok(new Open311Discovery(
        LastChanged,
        "The community's moderators, through the Hromada bot.",
        "Reading is open to all. Filing needs an API key, issued by a Hromada super-admin with /apikey create in the bot.",
        [new Open311Endpoint(Specification, $"{request.Scheme}://{request.Host}{request.PathBase}{Open311ServiceCollectionExtensions.BasePath}", LastChanged, "production", ["application/json"])]));
}

public sealed record Open311Endpoint(
    [property: JsonPropertyName("specification")] string Specification,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("changeset")] string Changeset,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats);
