namespace Hromada.Bench;

/// <summary>
/// One command per benchmark; each prints a short table of figures and writes no files but its
/// temporary database. Run with -c Release: a Debug host measures the debugger's build, not ours.
/// </summary>
internal static class BenchProgram
{
    private const string Usage = """
        usage: dotnet run -c Release --project bench/Hromada.Bench -- <command> [--option value ...]

          webhook     Telegram updates through the real host vs. a bare endpoint
                      --seconds 20 --warmup 3 --concurrency 32 --residents 400
          broadcast   a broadcast to many residents through the outbox against a rate-limited fake Bot API
                      --residents 100000 --rate 1000 --per-chat 00:00:01 --writers 200
          store       the host on a large LiteDB file: peak memory and the time to show a poll result
                      --residents 100000 --polls 200 --ballots 1000000
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, press) =>
        {
            press.Cancel = true;
            stop.Cancel();
        };

        try
        {
            if (args[0] == BareEndpoint.Command)
            {
                await BareEndpoint.RunAsync(args[1..], stop.Token);
                return 0;
            }

            var options = BenchOptions.Parse(args[1..]);
            Func<BenchOptions, CancellationToken, Task>? bench = args[0] switch
            {
                "webhook" => WebhookBench.RunAsync,
                "broadcast" => BroadcastBench.RunAsync,
                "store" => StoreBench.RunAsync,
                _ => null,
            };
            if (bench is null)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            await bench(options, stop.Token);
            return 0;
        }
        catch (BenchFailedException failure)
        {
            Console.Error.WriteLine($"FAILED: {failure.Message}");
            return 1;
        }
    }
}

/// <summary>A run that could not measure what it set out to (the host did not start, replies never came).</summary>
internal sealed class BenchFailedException(string message) : Exception(message);
