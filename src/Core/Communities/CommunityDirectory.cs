using Hromada.Core.Localization;
using Microsoft.Extensions.Hosting;

namespace Hromada.Core.Communities;

/// <summary>
/// The communities residents choose from, held in memory (a few thousand at most nationally) so a
/// dialog can search them as the resident types. Seeds the store on start.
/// </summary>
public sealed class CommunityDirectory(ICommunityStore store) : IHostedService
{
    private IReadOnlyList<Community> _all = [];

    public IReadOnlyList<Community> All => _all;

    public Community? Find(string id) => _all.FirstOrDefault(community => community.Id == id);

    /// <summary>Communities whose Ukrainian or English name contains <paramref name="part"/>, national level first.</summary>
    public IReadOnlyList<Community> Search(string part, int limit)
    {
        var needle = Normalize(part);
        return needle.Length == 0
            ? []
            : _all
                .Where(community => Normalize(community.NameUk).Contains(needle, StringComparison.Ordinal)
                    || Normalize(community.NameEn).Contains(needle, StringComparison.Ordinal))
                .OrderByDescending(community => community.IsNational)
                .ThenBy(community => community.NameUk, StringComparer.Ordinal)
                .Take(limit)
                .ToList();
    }

    public static string NameOf(Community community, Language language) =>
        language == Language.En ? community.NameEn : community.NameUk;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.UpsertAsync(CommunitySeed.All, cancellationToken);
        _all = await store.ListAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Apostrophes come as ', ’ or ʼ depending on the keyboard.
    private static string Normalize(string text) =>
        text.Trim().ToLowerInvariant().Replace('’', '\'').Replace('ʼ', '\'');
}
