using Hromada.Core.Dialogs.Onboarding;
using Hromada.Core.Dialogs.Polls;
using Hromada.Core.Dialogs.Profile;
using Hromada.Core.Localization;
using Hromada.Core.Moderation;
using Hromada.Core.Polls;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bots.Tests.Channels.Telegram;

/// <summary>Admin commands through the real webhook, as Telegram delivers them, answered through the fake Bot API.</summary>
public sealed class TelegramAdminTests : TelegramWebhookHostTests
{
    private const long AdminId = 700100;
    private const string Question = "Чи потрібен у парку нічний ліхтар?";

    private protected override (string Key, string? Value)[] MoreSettings => [("Admin:SuperAdmins:0", $"telegram:{AdminId}")];

    [Fact]
    public async Task NewPoll_OneMessageFormThroughTheWebhook_PublishesAfterTheWizardsSteps()
    {
        var admin = new TelegramResident(Host, Api, AdminId, "Ірина");
        await RegisterAsync(admin);

        var type = await admin.SayAsync($"/newpoll {Question}\nТак\nНі");
        var kind = await admin.PressAsync(NewPollDialog.SingleChoice);
        await admin.PressAsync(NewPollDialog.Current);
        var community = await admin.PressAsync("sphere:ecology");
        await admin.PressAsync("community:kamianske");
        var preview = await admin.PressAsync("closes:1");
        var published = await admin.PressAsync("confirm");

        Assert.Equal(Text("NewPoll_AskType"), type.Text);
        Assert.Contains(NewPollDialog.SingleChoice, type.AllInlineData);
        Assert.Equal(Text("NewPoll_AskKind"), kind.Text);
        Assert.Contains("community:kamianske", community.AllInlineData);
        var poll = Assert.Single(await Host.Services.GetRequiredService<IPollStore>().ListOpenAsync(["kamianske"], DateTimeOffset.UtcNow, Cancellation));
        Assert.Equal((Question, PollType.SingleChoice), (poll.Question, poll.Type));
        Assert.Equal(["Так", "Ні"], poll.Options);
        var closesAt = KyivTime.Format(poll.ClosesAt!.Value);
        Assert.Equal(
            Text("NewPoll_Preview", Question, "1. Так\n2. Ні", Text("NewPoll_TypeSingle"), Text("NewPoll_KindCurrent"), Text("Sphere_ecology"), "Кам'янське", closesAt),
            preview.Text);
        Assert.Equal(["confirm", "/cancel"], preview.AllInlineData);
        Assert.Equal(Text("NewPoll_Published", closesAt), published.Text);
    }

    [Fact]
    public async Task NewPoll_ResidentWithoutARole_RefusedPolitelyAndAudited()
    {
        var olena = new TelegramResident(Host, Api, 700200);
        await RegisterAsync(olena);

        var refusal = await olena.SayAsync($"/newpoll {Question}\nТак\nНі");

        Assert.Equal(Text("NewPoll_NotAllowed"), refusal.Text);
        var audited = await Host.Services.GetRequiredService<IAuditStore>().ListRecentAsync(null, 10, Cancellation);
        Assert.Equal(("command:/newpoll", "telegram:700200"), (Assert.Single(audited).Target, audited[0].Actor.Id));
        Assert.Empty(await Host.Services.GetRequiredService<IPollStore>().ListOpenAsync(["kamianske"], DateTimeOffset.UtcNow, Cancellation));
    }

    private static async Task RegisterAsync(TelegramResident resident)
    {
        await resident.SayAsync("/start");
        await resident.PressAsync(OnboardingDialog.Agree);
        await resident.PressAsync(ProfileQuestions.UseDisplayName);
        await resident.PressAsync(ProfileQuestions.CommunityPrefix + "kamianske");
        await resident.PressAsync(ProfileQuestions.SpherePrefix + "ecology");
        await resident.PressAsync(ProfileQuestions.Done);
        await resident.PressAsync(ProfileQuestions.Skip);
    }

    private static string Text(string key, params object?[] args) => Texts.Get(Language.Uk, key, args);
}
