using Microsoft.Extensions.Options;

namespace Hromada.Persistence;

public enum StorageProvider
{
    LiteDb,
    Mongo,
}

/// <summary>The "Storage" section: which database holds Hromada's data.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The LiteDB file; its folder is created when missing.</summary>
    public string LiteDbPath { get; set; } = "./data/hromada.db";

    /// <summary>A connection string; a secret, so it comes from the environment or user-secrets.</summary>
    public string? MongoUrl { get; set; }

    public string MongoDatabase { get; set; } = "hromada";
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Provider == StorageProvider.Mongo && string.IsNullOrWhiteSpace(options.MongoUrl)
            ? ValidateOptionsResult.Fail("Storage:MongoUrl is required when Storage:Provider is Mongo.")
            : ValidateOptionsResult.Success;
}
