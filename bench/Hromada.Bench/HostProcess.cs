using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hromada.Bench;

/// <summary>
/// A process started from this folder with dotnet (the built host, or this bench in another role) on
/// a free loopback port. Its output is kept for the failure message; its peak memory is read from the OS.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The most resident memory the process has held (VmHWM on Linux), in MiB.</summary>
    public double PeakMemoryMiB
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts Hromada.Bots.dll with the settings as --Key=value arguments.</summary>
    public static Task<HostProcess> StartHostAsync(IEnumerable<(string Key, string Value)> settings, CancellationToken cancellationToken) =>
        StartAsync("Hromada.Bots.dll", settings.Select(setting => $"--{setting.Key}={setting.Value}"), cancellationToken);

    /// <summary>Starts <paramref name="assembly"/> (in this folder) and returns once GET /health answers 200.</summary>
    public static async Task<HostProcess> StartAsync(string assembly, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
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
            await host.WaitUntilHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new BenchFailedException($"The process exited with {_process.ExitCode} while starting:\n{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        throw new BenchFailedException($"The process did not answer GET /health within {StartLimit.TotalSeconds} s:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
