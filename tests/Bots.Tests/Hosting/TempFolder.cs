namespace Hromada.Bots.Tests.Hosting;

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hromada-bots-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
