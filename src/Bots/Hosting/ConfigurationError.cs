using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Hosting;

/// <summary>
/// Turns a configuration failure into the one line an operator needs: which key is wrong and why.
/// Anything else is a bug or an outage and keeps its stack trace.
/// </summary>
public static partial class ConfigurationError
{
    private const string Prefix = "Configuration error: ";

    /// <summary>Runs every ValidateOnStart check now, before the host starts and logs failures of its own.</summary>
    public static void ValidateConfiguration(this WebApplication app) =>
        app.Services.GetService<IStartupValidator>()?.Validate();

    /// <returns>The line to print, or null when <paramref name="exception"/> is not a configuration error.</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => Prefix + string.Join(" ", validation.Failures.Select(Reason)),
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => Describe(inner) is not null) =>
            Prefix + string.Join(" ", aggregate.InnerExceptions.Select(inner => Describe(inner)![Prefix.Length..])),
        InvalidOperationException { InnerException: { } inner } when Describe(inner) is { } line => line,
        InvalidOperationException unreadable when UnreadableValue().Match(unreadable.Message) is { Success: true } match =>
            $"{Prefix}{match.Groups["key"].Value} is not a valid {FriendlyType(match.Groups["type"].Value)}.",
        _ => null,
    };

    /// <summary>Data annotations wrap the message in "DataAnnotation validation failed for …"; keep the message.</summary>
    private static string Reason(string failure) =>
        DataAnnotationFailure().Match(failure) is { Success: true } match ? match.Groups["error"].Value : failure;

    private static string FriendlyType(string typeName) => typeName switch
    {
        "System.TimeSpan" => "time span (d.hh:mm:ss)",
        "System.Int32" or "System.Int64" => "whole number",
        _ when typeName.Contains("System.Boolean", StringComparison.Ordinal) => "boolean (true or false)",
        _ => typeName[(typeName.LastIndexOf('.') + 1)..],
    };

    // The binder's message quotes the value too; it is left out, as it may be a secret.
    [GeneratedRegex("^Failed to convert configuration value .* at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex UnreadableValue();

    [GeneratedRegex("with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
