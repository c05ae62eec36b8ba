using System.Buffers;

namespace Hromada.Bots.Hosting;

/// <summary>Reading a request body whole (a signature is checked over the raw bytes), with a size limit.</summary>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Reads the whole body, or returns null as soon as it passes <paramref name="maxBytes"/> (an answer of 413).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(this HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var body = new MemoryStream((int)(request.ContentLength ?? ChunkBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return null;
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return body.ToArray();
    }
}
