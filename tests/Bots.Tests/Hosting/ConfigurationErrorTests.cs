using Hromada.Bots.Hosting;
using Microsoft.Extensions.Options;

namespace Hromada.Bots.Tests.Hosting;

public sealed class ConfigurationErrorTests
{
    [Fact]
    public void Describe_DataAnnotationFailure_KeepsOnlyTheMessage()
    {
        var exception = new OptionsValidationException("", typeof(object),
            ["DataAnnotation validation failed for 'ConversationOptions' members: 'Lanes' with the error: 'Conversations:Lanes must be between 1 and 256.'."]);

        var line = ConfigurationError.Describe(exception);

        Assert.Equal("Configuration error: Conversations:Lanes must be between 1 and 256.", line);
    }

    [Fact]
    public void Describe_UnreadableValue_NamesKeyWithoutTheValue()
    {
        var exception = new InvalidOperationException(
            "Failed to convert configuration value 's3cr3t' at 'Conversations:IdleTimeout' to type 'System.TimeSpan'.");

        var line = ConfigurationError.Describe(exception);

        Assert.Equal("Configuration error: Conversations:IdleTimeout is not a valid time span (d.hh:mm:ss).", line);
    }

    [Fact]
    public void Describe_SeveralFailures_JoinsThemOnOneLine()
    {
        var exception = new AggregateException(
            new OptionsValidationException("", typeof(object), ["Storage:MongoUrl is required when Storage:Provider is Mongo."]),
            new InvalidOperationException("Failed to convert configuration value 'x' at 'Conversations:Lanes' to type 'System.Int32'."));

        var line = ConfigurationError.Describe(exception);

        Assert.Equal("Configuration error: Storage:MongoUrl is required when Storage:Provider is Mongo. Conversations:Lanes is not a valid whole number.", line);
    }

    [Fact]
    public void Describe_UnrelatedInvalidOperation_ReturnsNull()
    {
        var exception = new InvalidOperationException("Unable to resolve service for type 'Foo'.");

        var line = ConfigurationError.Describe(exception);

        Assert.Null(line);
    }
}
