namespace Hromada.Core.Tests;

public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Telegram")]
    [InlineData("MongoDB")]
    [InlineData("LiteDB")]
    [InlineData("Quartz")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Hromada.Persistence")]
    [InlineData("Hromada.Bots")]
    public void CoreAssembly_References_NothingOf(string forbidden)
    {
        var references = typeof(CoreServiceCollectionExtensions).Assembly.GetReferencedAssemblies();

        Assert.DoesNotContain(references, reference => reference.Name!.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void DialogStates_EveryDialogEnum_HasCompletedAndCancelled()
    {
        var stateEnums = typeof(CoreServiceCollectionExtensions).Assembly.GetTypes()
            .Where(type => type.IsEnum && type.Namespace!.StartsWith("Hromada.Core.Dialogs", StringComparison.Ordinal));

        Assert.All(stateEnums, state =>
        {
            Assert.Contains("Completed", Enum.GetNames(state));
            Assert.Contains("Cancelled", Enum.GetNames(state));
            Assert.All(Enum.GetNames(state).Where(name => name is not ("Completed" or "Cancelled")),
                name => Assert.StartsWith("Awaiting", name));
        });
    }
}
