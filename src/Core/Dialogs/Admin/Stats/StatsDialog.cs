using System.Globalization;
using System.Text;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Moderation;
using Hromada.Core.Residents;
using Stateless;
using static Hromada.Core.Dialogs.Admin.Stats.StatsState;

namespace Hromada.Core.Dialogs.Admin.Stats;

/// <summary>
/// /stats: for the moderator's communities (a super-admin: all of them), residents by status and by
/// community, polls open and closed, answers given, and proposals waiting for moderation.
/// </summary>
public sealed class StatsDialog(AdminGuard guard, ICommunityStatsStore stats, CommunityDirectory communities) : AdminDialog<StatsState>(guard)
{
    public override string Name => "stats";

    public override IReadOnlyList<string> Commands => ["/stats"];

    protected override StatsState FirstState => Completed;

    protected override async Task LoadAsync(DialogContext context) =>
        context.Keep(await stats.CountAsync(Scope(context).Communities, context.Now, context.CancellationToken));

    protected override void Configure(StateMachine<StatsState, DialogTrigger> machine, DialogContext context)
    {
        // Nothing to configure: the figures are the whole answer.
    }

    protected override OutboundReply? Ask(StatsState state, DialogContext context) =>
        state == Completed ? Figures(context, context.Loaded<CommunityStats>()!) : null;

    private OutboundReply Figures(DialogContext context, CommunityStats figures)
    {
        var byStatus = string.Join('\n', Enum.GetValues<ResidentStatus>()
            .Select(status => $"• {context.Text($"Stats_Status{status}")}: {Count(figures.InStatus(status))}"));
        var withResidents = figures.Communities.Where(community => community.Residents > 0).ToList();
        var byCommunity = withResidents.Count == 0
            ? "—"
            : string.Join('\n', withResidents
                .OrderByDescending(community => community.Residents)
                .ThenBy(community => community.CommunityId, StringComparer.Ordinal)
                .Select(community => $"• {NameOf(context, community.CommunityId)}: {Count(community.Residents)}"));
        var scope = Scope(context).Communities is { } mine
            ? string.Join(", ", mine.Select(id => NameOf(context, id)))
            : context.Text("Stats_AllCommunities");
        var text = new StringBuilder(context.Text("Stats_Title", scope)).Append("\n\n")
            .Append(context.Text("Stats_Residents", Count(figures.Residents), Count(figures.Blocked))).Append('\n')
            .Append(byStatus).Append("\n\n")
            .Append(context.Text("Stats_ByCommunity")).Append('\n')
            .Append(byCommunity).Append("\n\n")
            .Append(context.Text(
                "Stats_Polls", Count(figures.OpenPolls), Count(figures.ClosedPolls), Count(figures.Ballots), Count(figures.ProposalsWaiting)));
        return AdminReplies.WithMenu(context, text.ToString());
    }

    private string NameOf(DialogContext context, string communityId) =>
        communities.Find(communityId) is { } community ? CommunityDirectory.NameOf(community, context.Language) : communityId;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
