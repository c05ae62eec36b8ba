using Hromada.Bots.Tests.Api;
using Hromada.Core.Localization;
using Hromada.Core.Reports;

namespace Hromada.Bots.Tests.Open311;

/// <summary>GET /open311/v2/services.json: one GeoReport v2 service per report category, public.</summary>
public sealed class Open311ServicesTests : IAsyncDisposable
{
    /// <summary>Every field GeoReport v2 defines for a service.</summary>
    private static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    private readonly ApiHost _host = ApiHost.Start();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task GetServices_NoKey_OneUkrainianServicePerCategoryWithEveryGeoReportField()
    {
        var services = await _host.ArrayAsync("/open311/v2/services.json");

        Assert.Equal(Enum.GetNames<ReportCategory>(), services.Select(service => service.GetProperty("service_code").GetString()));
        Assert.All(services, service => Assert.Equal(ServiceFields, service.EnumerateObject().Select(property => property.Name)));
        var roads = services[0];
        Assert.Equal(Text(Language.Uk, "ReportCategory_Roads"), roads.GetProperty("service_name").GetString());
        Assert.Equal(Text(Language.Uk, "Open311_Service_Roads"), roads.GetProperty("description").GetString());
        Assert.False(roads.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", roads.GetProperty("type").GetString());
        Assert.Equal(Text(Language.Uk, "Open311_Keywords_Roads"), roads.GetProperty("keywords").GetString());
        Assert.Equal(Text(Language.Uk, "Open311_Group_Infrastructure"), roads.GetProperty("group").GetString());
    }

    [Theory]
    [InlineData("/open311/v2/services.json?locale=en", null)]
    [InlineData("/open311/v2/services.json", "en-GB,uk;q=0.8")]
    [InlineData("/open311/v2/services.json?jurisdiction_id=lviv", "de, en;q=0.9, uk;q=0.5")]
    public async Task GetServices_EnglishAsked_NamesServicesInEnglish(string path, string? acceptLanguage)
    {
        var services = await _host.ArrayAsync(path, acceptLanguage);

        var water = services.Single(service => service.GetProperty("service_code").GetString() == "WaterSupply");
        Assert.Equal(Text(Language.En, "ReportCategory_WaterSupply"), water.GetProperty("service_name").GetString());
        Assert.Equal(Text(Language.En, "Open311_Group_Utilities"), water.GetProperty("group").GetString());
    }

    [Fact]
    public async Task GetServices_UkrainianPreferred_NamesServicesInUkrainian()
    {
        var services = await _host.ArrayAsync("/open311/v2/services.json", "uk, en;q=0.9");

        Assert.Equal(Text(Language.Uk, "ReportCategory_Roads"), services[0].GetProperty("service_name").GetString());
    }

    [Fact]
    public async Task GetServices_KnownJurisdiction_ListsTheSameServices()
    {
        var services = await _host.ArrayAsync("/open311/v2/services.json?jurisdiction_id=kamianske");

        Assert.Equal(Enum.GetNames<ReportCategory>(), services.Select(service => service.GetProperty("service_code").GetString()));
    }

    [Fact]
    public async Task GetServices_UnknownJurisdiction_Answers404ErrorArray()
    {
        using var response = await _host.GetAsync("/open311/v2/services.json?jurisdiction_id=atlantis", key: null);

        await Open311Host.AssertErrorAsync(response, 404, "jurisdiction_id 'atlantis' is unknown");
    }

    [Theory]
    [InlineData("/open311/v2/services.xml", 404)]
    [InlineData("/open311/v2/services/Roads.json", 404)]
    [InlineData("/open311/v3/services.json", 404)]
    public async Task Get_UnknownOpen311Path_AnswersTheErrorArray(string path, int status)
    {
        using var response = await _host.GetAsync(path, key: null);

        await Open311Host.AssertErrorAsync(response, status, "Not Found");
    }

    [Fact]
    public async Task GetDiscovery_NoKey_DescribesTheJsonEndpointAtTheCallersAddress()
    {
        using var response = await _host.GetAsync("/open311/discovery.json", key: null);

        var discovery = await response.JsonAsync();
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], discovery.EnumerateObject().Select(property => property.Name));
        var endpoint = Assert.Single(discovery.GetProperty("endpoints").EnumerateArray());
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], endpoint.EnumerateObject().Select(property => property.Name));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.Equal(new Uri(_host.Host.Client.BaseAddress!, "/open311/v2").ToString(), endpoint.GetProperty("url").GetString());
        Assert.Equal(["application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(format => format.GetString()));
    }

    [Fact]
    public async Task DeleteServices_MethodNotAllowed_Answers405ErrorArray()
    {
        using var response = await _host.SendAsync(HttpMethod.Delete, "/open311/v2/services.json", key: null);

        await Open311Host.AssertErrorAsync(response, 405, "Method Not Allowed");
    }

    private static string Text(Language language, string key) => Texts.Get(language, key);
}
