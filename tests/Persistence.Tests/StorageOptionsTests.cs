namespace Hromada.Persistence.Tests;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Validate_MongoWithoutUrl_FailsNamingTheSetting()
    {
        var options = new StorageOptions { Provider = StorageProvider.Mongo };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:MongoUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MongoWithUrl_Succeeds()
    {
        var options = new StorageOptions { Provider = StorageProvider.Mongo, MongoUrl = "mongodb://localhost:27017" };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_Defaults_SucceedWithLiteDbUnderData()
    {
        var options = new StorageOptions();

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal((StorageProvider.LiteDb, "./data/hromada.db", "hromada"), (options.Provider, options.LiteDbPath, options.MongoDatabase));
    }
}
