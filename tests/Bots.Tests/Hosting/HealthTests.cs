using System.Net;
using System.Text.Json;

namespace Hromada.Bots.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Get_HostRunning_ReturnsOkStatus()
    {
        await using var host = TestHost.Start();

        using var response = await host.Client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
    }
}
