using Hromada.Core.Conversations;

namespace Hromada.Core.Reports;

/// <summary>A latitude/longitude rectangle, bounds included: what a store can narrow a search by with plain indexes.</summary>
public sealed record GeoBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    public bool Contains(GeoPoint point) =>
        point.Latitude >= MinLatitude && point.Latitude <= MaxLatitude
        && point.Longitude >= MinLongitude && point.Longitude <= MaxLongitude;
}

/// <summary>Distances on the Earth's surface, pure, for finding reports of the same problem nearby.</summary>
public static class GeoDistance
{
    /// <summary>The mean Earth radius (IUGG), in metres.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    private const double MetresPerDegreeOfLatitude = Math.PI * EarthRadiusMetres / 180;

    /// <summary>The great-circle distance between two points (haversine), in metres; good to about 0.5% on the real ellipsoid.</summary>
    public static double Metres(GeoPoint from, GeoPoint to)
    {
        var dLat = Radians(to.Latitude - from.Latitude);
        var dLon = Radians(to.Longitude - from.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// A box holding every point within <paramref name="metres"/> of <paramref name="center"/>. It may hold
    /// more (its corners), so callers filter by <see cref="Metres"/>; near a pole or across the 180th
    /// meridian it spans every longitude rather than wrap.
    /// </summary>
    public static GeoBox Around(GeoPoint center, double metres)
    {
        var dLat = metres / MetresPerDegreeOfLatitude;
        var minLat = center.Latitude - dLat;
        var maxLat = center.Latitude + dLat;
        var cosLat = Math.Cos(Radians(Math.Max(Math.Abs(minLat), Math.Abs(maxLat))));
        var dLon = cosLat <= 0 ? 360 : dLat / cosLat;
        var minLon = center.Longitude - dLon;
        var maxLon = center.Longitude + dLon;
        return minLat < -90 || maxLat > 90 || minLon < -180 || maxLon > 180
            ? new GeoBox(Math.Max(minLat, -90), Math.Min(maxLat, 90), -180, 180)
            : new GeoBox(minLat, maxLat, minLon, maxLon);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
