using System.Diagnostics;

namespace Hromada.Bots.Tests.Hosting;

/// <summary>Runs the built host as an operator would, to see exactly what a bad setting prints.</summary>
public sealed class ProgramStartupTests
{
    [Theory]
    [InlineData("--Conversations:IdleTimeout=00:00:01", "Conversations:IdleTimeout")]
    [InlineData("--Conversations:IdleTimeout=abc", "Conversations:IdleTimeout")]
    [InlineData("--Conversations:Lanes=0", "Conversations:Lanes")]
    [InlineData("--Statuses:ResponsibleShare=1.5", "Statuses:ResponsibleShare")]
    [InlineData("--Storage:Provider=Mongo", "Storage:MongoUrl")]
    [InlineData("--DevChat:Enabled=sometimes", "DevChat:Enabled")]
    [InlineData("--Admin:SuperAdmins:0=123456789", "Admin:SuperAdmins")]
    [InlineData("--Scheduling:Intervals:PollClosng=00:01:00", "Scheduling:Intervals:PollClosng")]
    public async Task Start_BadSetting_ExitsWithOneLineNamingTheKey(string setting, string key)
    {
        using var folder = new TempFolder();

        var (exitCode, stdout, stderr) = await RunHostAsync(
            setting, $"--Storage:LiteDbPath={Path.Combine(folder.Path, "hromada.db")}", "--urls=http://127.0.0.1:0");

        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("Configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stdout + stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunHostAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Hromada.Bots.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The host kept running instead of stopping on the bad setting.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
