using Hromada.Core.Admin;
using Hromada.Core.ApiKeys;
using Hromada.Core.Communities;
using Hromada.Core.Conversations;
using Hromada.Core.Localization;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Dialogs.ApiKeys;

/// <summary>
/// /apikey, for super-admins: keys for the HTTP API. "/apikey create &lt;community&gt; [label]" shows
/// the new key once; "/apikey list" lists every key with a button to revoke each active one;
/// "/apikey revoke &lt;id&gt;" revokes. Each is one message, so the dialog keeps no state.
/// </summary>
public sealed partial class ApiKeyDialog(
    IAdminDirectory admins, ApiKeyRegistry keys, CommunityDirectory communities, ILogger<ApiKeyDialog> logger) : IDialog
{
    public const string Command = "/apikey";
    public const int MaxLabelLength = 100;

    public string Name => "apikey";

    public IReadOnlyList<string> Commands => [Command];

    public async Task StartAsync(DialogContext context)
    {
        var sender = context.Message.Sender;
        if (!admins.IsSuperAdmin(sender))
        {
            LogRefused(sender.ToString(), context.Resident?.Id);
            context.Reply("ApiKey_NotAllowed");
            return;
        }

        var words = (BotCommand.From(context.Message)?.Argument ?? "").Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        switch (verb)
        {
            case "create" when words.Length >= 2:
                await CreateAsync(context, words[1], words.Length > 2 ? words[2] : "");
                break;
            case "revoke" when words.Length >= 2:
                await RevokeAsync(context, words[1]);
                break;
            case "list" or "":
                await ListAsync(context);
                break;
            default:
                context.Reply("ApiKey_Usage");
                break;
        }
    }

    private async Task CreateAsync(DialogContext context, string scope, string label)
    {
        if (scope != ApiKey.AllCommunities && communities.Find(scope.ToLowerInvariant()) is null)
        {
            context.Reply(new OutboundReply($"{context.Text("ApiKey_UnknownCommunity", scope)}\n\n{context.Text("ApiKey_Usage")}"));
            return;
        }

        var communityId = scope.ToLowerInvariant();
        var issued = await keys.CreateAsync(
            communityId, label.Length > MaxLabelLength ? label[..MaxLabelLength] : label, context.Resident!.Id, context.CancellationToken);
        LogCreated(issued.Key.Id, communityId, context.Resident.Id);
        context.Reply("ApiKey_Created", ScopeName(context, communityId), issued.Key.Id, issued.Secret);
    }

    private async Task RevokeAsync(DialogContext context, string id)
    {
        if (await keys.RevokeAsync(id, context.CancellationToken) is null)
        {
            context.Reply("ApiKey_NotFound", id);
            return;
        }

        LogRevoked(id, context.Resident!.Id);
        context.Reply("ApiKey_Revoked", id);
    }

    private async Task ListAsync(DialogContext context)
    {
        var all = await keys.ListAsync(context.CancellationToken);
        if (all.Count == 0)
        {
            context.Reply(new OutboundReply($"{context.Text("ApiKey_None")}\n\n{context.Text("ApiKey_Usage")}"));
            return;
        }

        var lines = all.Select(key => key.RevokedAt is { } revokedAt
            ? context.Text("ApiKey_LineRevoked", key.Id, ScopeName(context, key.CommunityId), key.Label, KyivTime.Format(revokedAt))
            : context.Text("ApiKey_Line", key.Id, ScopeName(context, key.CommunityId), key.Label, KyivTime.Format(key.CreatedAt)));
        context.Reply(new OutboundReply(context.Text("ApiKey_List", string.Join('\n', lines)))
        {
            Buttons = [.. all
                .Where(key => !key.IsRevoked)
                .Select(key => (IReadOnlyList<ReplyButton>)[new ReplyButton(context.Text("ApiKey_Revoke", key.Id), $"{Command} revoke {key.Id}")])],
        });
    }

    private string ScopeName(DialogContext context, string communityId) =>
        communityId == ApiKey.AllCommunities ? context.Text("ApiKey_AllCommunities")
        : communities.Find(communityId) is { } community ? CommunityDirectory.NameOf(community, context.Language)
        : communityId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused /apikey from {Identity} (resident {ResidentId}): not a super-admin")]
    private partial void LogRefused(string identity, string? residentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} created for {CommunityId} by resident {ResidentId}")]
    private partial void LogCreated(string keyId, string communityId, string residentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} revoked by resident {ResidentId}")]
    private partial void LogRevoked(string keyId, string residentId);
}
