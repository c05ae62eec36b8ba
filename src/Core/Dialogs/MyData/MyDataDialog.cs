using System.Text.Json;
using System.Text.Json.Serialization;
using Hromada.Core.Conversations;

namespace Hromada.Core.Dialogs.MyData;

/// <summary>/mydata: everything Hromada keeps about the resident, as a JSON document.</summary>
public sealed class MyDataDialog : IDialog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "mydata";

    public IReadOnlyList<string> Commands => ["/mydata"];

    public Task StartAsync(DialogContext context)
    {
        var document = JsonSerializer.SerializeToUtf8Bytes(context.Resident, Json);
        context.Reply(new OutboundReply(context.Text("MyData_Text"))
        {
            Document = new ReplyDocument("hromada-my-data.json", "application/json", document),
        });
        return Task.CompletedTask;
    }
}
