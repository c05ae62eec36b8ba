namespace Hromada.Bots.Channels.Dev;

/// <summary>The messenger-like page: three static files embedded in the assembly (no build step, no CDN).</summary>
internal static class DevChatPage
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        MapFile(endpoints, "/", "index.html", "text/html; charset=utf-8");
        MapFile(endpoints, "/dev/chat.js", "chat.js", "text/javascript; charset=utf-8");
        MapFile(endpoints, "/dev/chat.css", "chat.css", "text/css; charset=utf-8");
    }

    private static void MapFile(IEndpointRouteBuilder endpoints, string route, string file, string contentType)
    {
        var content = Load(file);
        endpoints.MapGet(route, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            return Results.Bytes(content, contentType);
        }).ExcludeFromDescription();
    }

    private static byte[] Load(string file)
    {
        using var stream = typeof(DevChatPage).Assembly.GetManifestResourceStream($"DevChatPage/{file}")
            ?? throw new InvalidOperationException($"The dev chat page file {file} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
