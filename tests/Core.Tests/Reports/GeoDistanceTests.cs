using Hromada.Core.Conversations;
using Hromada.Core.Reports;

namespace Hromada.Core.Tests.Reports;

public sealed class GeoDistanceTests
{
    private static readonly GeoPoint Kamianske = new(48.5167, 34.6167);

    [Fact]
    public void Metres_SamePoint_IsZero() => Assert.Equal(0, GeoDistance.Metres(Kamianske, Kamianske));

    [Fact]
    public void Metres_KyivToLviv_IsAbout468Kilometres()
    {
        var distance = GeoDistance.Metres(new GeoPoint(50.4501, 30.5234), new GeoPoint(49.8397, 24.0297));

        Assert.InRange(distance, 466_000, 470_000);
    }

    [Fact]
    public void Metres_OneThousandthOfADegreeNorth_IsAbout111Metres()
    {
        var distance = GeoDistance.Metres(Kamianske, Kamianske with { Latitude = Kamianske.Latitude + 0.001 });

        Assert.Equal(111.2, distance, precision: 1);
    }

    [Fact]
    public void Metres_EitherDirection_IsTheSame() =>
        Assert.Equal(
            GeoDistance.Metres(Kamianske, new GeoPoint(48.52, 34.62)),
            GeoDistance.Metres(new GeoPoint(48.52, 34.62), Kamianske),
            precision: 9);

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(135)]
    [InlineData(180)]
    [InlineData(225)]
    [InlineData(270)]
    [InlineData(315)]
    public void Around_PointsAtTheRadiusInAnyDirection_AreInsideTheBox(double bearing)
    {
        var box = GeoDistance.Around(Kamianske, 50);
        var radians = bearing * Math.PI / 180;
        var edge = new GeoPoint(
            Kamianske.Latitude + (49.9 * Math.Cos(radians) / 111_195.0),
            Kamianske.Longitude + (49.9 * Math.Sin(radians) / (111_195.0 * Math.Cos(Kamianske.Latitude * Math.PI / 180))));

        Assert.InRange(GeoDistance.Metres(Kamianske, edge), 49.5, 50);
        Assert.True(box.Contains(edge));
    }

    [Fact]
    public void Around_PointBeyondTheRadius_IsOutsideTheBox()
    {
        var box = GeoDistance.Around(Kamianske, 50);

        Assert.False(box.Contains(Kamianske with { Latitude = Kamianske.Latitude + (60 / 111_195.0) }));
    }

    [Fact]
    public void Around_AcrossThe180thMeridian_SpansEveryLongitude()
    {
        var box = GeoDistance.Around(new GeoPoint(-16.5, 179.9995), 100);

        Assert.Equal((-180.0, 180.0), (box.MinLongitude, box.MaxLongitude));
        Assert.True(box.Contains(new GeoPoint(-16.5, -179.9995)));
    }
}
