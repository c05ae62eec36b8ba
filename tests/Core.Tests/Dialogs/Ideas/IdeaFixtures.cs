using Hromada.Core.Ideas;

namespace Hromada.Core.Tests.Dialogs.Ideas;

/// <summary>Ideas stored straight into the real store, and the residents' ids a test needs for them.</summary>
internal static class IdeaFixtures
{
    public const string Title = "Велодоріжка вздовж набережної";
    public const string Text = "Пропоную облаштувати безпечну велодоріжку вздовж набережної Дніпра від мосту до парку.";

    public static Idea Proposed(DateTimeOffset now, string authorId, string id = "i1", string communityId = "kamianske", string title = Title) =>
        Idea.Propose(id, communityId, "transport", title, Text, null, authorId, now.AddHours(-2));

    public static Idea Published(DateTimeOffset now, string authorId, string id = "i1", string communityId = "kamianske", string title = Title) =>
        Proposed(now, authorId, id, communityId, title).MovedTo(IdeaStatus.Published, now.AddHours(-1), "moderator");

    public static IIdeaStore Ideas(this EngineHarness bot) => bot.Services<IIdeaStore>();

    public static async Task<Idea> SeedAsync(this EngineHarness bot, Idea idea)
    {
        await bot.Ideas().SaveAsync(idea, CancellationToken.None);
        return idea;
    }

    public static async Task<string> IdOfAsync(this EngineHarness bot, string user) => (await bot.ResidentAsync(user))!.Id;
}
