namespace Hromada.Core.Ideas;

/// <summary>One resident's support of one idea; there is never more than one per (idea, resident).</summary>
/// <param name="Rating">The supporter's optional rating, <see cref="MinRating"/> to <see cref="MaxRating"/>; they may change it.</param>
public sealed record IdeaSupport(string IdeaId, string ResidentId, DateTimeOffset SupportedAt, int? Rating = null, DateTimeOffset? RatedAt = null)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;

    public static bool IsRating(int rating) => rating is >= MinRating and <= MaxRating;
}

/// <summary>An idea's supporters and ratings, counted from the stored supports.</summary>
/// <param name="Ratings">How many supporters rated it.</param>
/// <param name="RatingSum">The sum of those ratings, so the average is exact.</param>
public sealed record IdeaTally(int Supporters, int Ratings, int RatingSum)
{
    public static readonly IdeaTally None = new(0, 0, 0);

    /// <summary>The mean rating, or null while nobody rated it.</summary>
    public double? AverageRating => Ratings == 0 ? null : (double)RatingSum / Ratings;

    public static IdeaTally From(IEnumerable<IdeaSupport> supports)
    {
        var supporters = 0;
        var ratings = 0;
        var sum = 0;
        foreach (var support in supports)
        {
            supporters++;
            if (support.Rating is { } rating)
            {
                ratings++;
                sum += rating;
            }
        }

        return new IdeaTally(supporters, ratings, sum);
    }
}

/// <summary>A public idea with its tally, as the ranking lists it.</summary>
public sealed record RankedIdea(Idea Idea, IdeaTally Tally);
