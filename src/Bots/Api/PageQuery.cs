using FluentValidation;
using Hromada.Core.Communities;

namespace Hromada.Bots.Api;

/// <summary>What every listing takes: a community the key reaches (all of the key's when left out) and a page.</summary>
public interface IPageQuery
{
    string? Community { get; }

    int? Offset { get; }

    int? Limit { get; }
}

internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static (int Offset, int Limit) Of(IPageQuery query) => (query.Offset ?? 0, query.Limit ?? DefaultLimit);
}

/// <summary>The rules every listing shares; a listing's validator includes it and adds those of its own filters.</summary>
internal sealed class PageQueryValidator<T> : AbstractValidator<T>
    where T : IPageQuery
{
    public PageQueryValidator(CommunityDirectory communities)
    {
        RuleFor(query => query.Community).ExistingCommunity(communities);
        RuleFor(query => query.Offset).GreaterThanOrEqualTo(0);
        RuleFor(query => query.Limit).InclusiveBetween(1, Paging.MaxLimit);
    }
}
