using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hromada.Bots.Tests.Reliability;

/// <summary>Hromada.Bots.dll run by dotnet on a free loopback port, its output kept for failure messages.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    /// <summary>Generous: start-up is JIT-bound, and a test machine may be busy.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host and returns once GET /health answers, or fails naming why.</summary>
    public static async Task<HostProcess> StartAsync(IEnumerable<string> arguments, HttpClient client)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hromada.Bots.dll"));
        foreach (var argument in arguments.Append($"--urls={address}"))
        {
            start.ArgumentList.Add(argument);
        }

        var host = new HostProcess(Process.Start(start)!, address);
        host._process.OutputDataReceived += host.Record;
        host._process.ErrorDataReceived += host.Record;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await Waiting.UntilAsync(
                async () => !host._process.HasExited && await IsHealthyAsync(client, address),
                () => host._process.HasExited
                    ? $"The host exited with {host._process.ExitCode} while starting (a damaged LiteDB file?).\n{host.Output}"
                    : $"The host did not answer GET /health.\n{host.Output}",
                StartLimit);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, as a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartLimit);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static async Task<bool> IsHealthyAsync(HttpClient client, Uri address)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(address, "/health"), TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(object sender, DataReceivedEventArgs line)
    {
        if (line.Data is { } text)
        {
            lock (_output)
            {
                _output.AppendLine(text);
            }
        }
    }
}
