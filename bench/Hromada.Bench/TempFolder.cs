namespace Hromada.Bench;

/// <summary>A folder for one run's database, deleted afterwards: a benchmark leaves no files behind.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hromada-bench", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process still closing the file; the OS's temp cleanup takes it.
        }
    }
}
