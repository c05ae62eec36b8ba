using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hromada.Bots.Tests.Hosting;

/// <summary>
/// What a test host logged at Warning and above, kept so that a host which dies while starting says
/// why: otherwise the test sees only the disposed service provider it was left with.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public override string ToString() => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }
}
