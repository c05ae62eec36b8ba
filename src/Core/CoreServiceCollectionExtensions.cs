using Hromada.Core.Admin;
using Hromada.Core.ApiKeys;
using Hromada.Core.Broadcasts;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Events;
using Hromada.Core.Dialogs.Admin;
using Hromada.Core.Dialogs.Admin.Block;
using Hromada.Core.Dialogs.Admin.Broadcast;
using Hromada.Core.Dialogs.Admin.ClosePoll;
using Hromada.Core.Dialogs.Admin.Issues;
using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Dialogs.Admin.NewEvent;
using Hromada.Core.Dialogs.Admin.Roles;
using Hromada.Core.Dialogs.Admin.Stats;
using Hromada.Core.Dialogs.ApiKeys;
using Hromada.Core.Dialogs.Forget;
using Hromada.Core.Dialogs.Help;
using Hromada.Core.Dialogs.Ideas;
using Hromada.Core.Dialogs.Language;
using Hromada.Core.Dialogs.Link;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Dialogs.MyData;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Dialogs.Status;

using Hromada.Core.Ideas;
using Hromada.Core.Dialogs.Subscribe;
using Hromada.Core.Events;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Reports;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Hromada.Core.Residents;
using Hromada.Core.Statuses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hromada.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The conversation engine and every dialog. The host supplies the stores and bound, validated
    /// <see cref="ConversationOptions"/> and <see cref="AdminOptions"/> singletons.
    /// </summary>
    public static IServiceCollection AddHromadaCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommunityDirectory>();
        services.AddHostedService(provider => provider.GetRequiredService<CommunityDirectory>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ResidentNotifier>();
        services.AddSingleton<ProfileQuestions>();
        services.AddSingleton<PollMessages>();
        services.AddSingleton<PollBreakdowns>();
        services.AddSingleton<IPersonalDataSection, BallotsPersonalData>();

        // Statuses: the host binds the "Statuses" section; without it the defaults of DESIGN §5 hold.
        services.TryAddSingleton<StatusRules>();
        services.AddSingleton<ProposalHistory>();
        services.AddSingleton<IProposalSource, PollProposals>();
        services.AddSingleton<IProposalSource, IdeaProposals>();
        services.AddSingleton<ParticipationReader>();
        services.AddSingleton<StatusRecomputation>();

        services.AddSingleton<PollResultsNotice>();
        services.AddSingleton<IdeaMessages>();
        services.AddSingleton<IdeaModeration>();
        services.AddSingleton<IPersonalDataSection, IdeasPersonalData>();
        services.AddSingleton<EventAnnouncer>();
        services.AddSingleton<IPersonalDataSection, EventsDataSection>();
        services.AddSingleton<ReportModeration>();
        services.AddSingleton<IPersonalDataSection, ReportsPersonalData>();
        services.AddSingleton<ApiKeyRegistry>();
        services.TryAddSingleton<IAdminDirectory, ConfiguredAdminDirectory>();
        services.AddModeration();
        services.AddSingleton<BroadcastSender>();
        services.AddSingleton<BroadcastWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<BroadcastWorker>());
        services.AddSingleton<DialogRegistry>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<ConversationWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationWorker>());

        services.AddDialog<OnboardingDialog>();
        services.AddDialog<MenuDialog>();
        services.AddDialog<HelpDialog>();
        services.AddDialog<LanguageDialog>();
        services.AddDialog<ProfileDialog>();
        services.AddDialog<MyDataDialog>();
        services.AddDialog<ForgetDialog>();
        services.AddDialog<PollsDialog>();
        services.AddDialog<ProposeDialog>();
        services.AddDialog<NewPollDialog>();
        services.AddDialog<PollGroupsDialog>();
        services.AddDialog<StatusDialog>();
        services.AddDialog<LinkDialog>();
        services.AddDialog<IdeaDialog>();
        services.AddDialog<IdeasDialog>();
        services.AddDialog<EventsDialog>();
        services.AddDialog<SubscribeDialog>();
        services.AddDialog<ReportDialog>();
        services.AddDialog<MyReportsDialog>();
        services.AddDialog<GrantDialog>();
        services.AddDialog<RevokeDialog>();
        services.AddDialog<ClosePollDialog>();
        services.AddDialog<ModerateDialog>();
        services.AddDialog<BlockDialog>();
        services.AddDialog<StatsDialog>();
        services.AddDialog<ApiKeyDialog>();
        services.AddDialog<IssuesDialog>();
        services.AddDialog<NewEventDialog>();
        services.AddDialog<BroadcastDialog>();
        services.AddDialog<CancelBroadcastDialog>();
        return services;
    }

    /// <summary>Roles, the audit trail and the moderation services the admin dialogs (and the HTTP API) share.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<ModerationAccess>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<RoleGrants>();
        services.AddSingleton<PollModeration>();
        services.AddSingleton<ReportDecisions>();
        services.AddSingleton<EventPublishing>();
        services.AddSingleton<IdeaDecisions>();
        services.AddSingleton<ResidentBlocks>();
        services.AddSingleton<ResidentLookup>();
        services.AddSingleton<IPersonalDataSection, ModerationDataSection>();
        services.AddSingleton<AdminGuard>();
        services.AddSingleton<CommunityQuestion>();
        services.AddSingleton<ResidentQuestion>();
        return services;
    }

    public static IServiceCollection AddDialog<TDialog>(this IServiceCollection services)
        where TDialog : class, IDialog =>
        services.AddSingleton<IDialog, TDialog>();
}
