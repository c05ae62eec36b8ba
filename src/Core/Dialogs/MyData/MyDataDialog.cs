using System.Text.Json;
using System.Text.Json.Serialization;
using Hromada.Core.Conversations;
using Hromada.Core.Residents;

namespace Hromada.Core.Dialogs.MyData;

/// <summary>
/// /mydata: everything Hromada keeps about the resident, as a JSON document: the profile's fields at
/// the top, and each area's data (<see cref="IPersonalDataSection"/>) under its name.
/// </summary>
public sealed class MyDataDialog(IEnumerable<IPersonalDataSection> sections) : IDialog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "mydata";

    public IReadOnlyList<string> Commands => ["/mydata"];

    /// <summary>Access to one's own data is a right that a block does not take away.</summary>
    public bool OpenToBlocked => true;

    public async Task StartAsync(DialogContext context)
    {
        var resident = context.Resident!;
        var document = JsonSerializer.SerializeToNode(resident, Json)!.AsObject();
        foreach (var section in sections)
        {
            var data = await section.ExportAsync(resident, context.CancellationToken);
            document[section.Name] = JsonSerializer.SerializeToNode(data, Json);
        }

        context.Reply(new OutboundReply(context.Text("MyData_Text"))
        {
            Document = new ReplyDocument("hromada-my-data.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(document, Json)),
        });
    }
}
