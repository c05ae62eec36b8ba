using Hromada.Core.Admin;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Forget;
using Hromada.Core.Dialogs.Help;
using Hromada.Core.Dialogs.Language;
using Hromada.Core.Dialogs.Link;
using Hromada.Core.Dialogs.Menu;
using Hromada.Core.Dialogs.MyData;
using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Dialogs.Status;
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
        services.AddSingleton<ParticipationReader>();
        services.AddSingleton<StatusRecomputation>();
        services.TryAddSingleton<IAdminDirectory, ConfiguredAdminDirectory>();
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
        return services;
    }

    public static IServiceCollection AddDialog<TDialog>(this IServiceCollection services)
        where TDialog : class, IDialog =>
        services.AddSingleton<IDialog, TDialog>();
}
