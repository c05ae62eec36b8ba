using Hromada.Core.Subscriptions;

namespace Hromada.Persistence.Documents;

/// <summary>A resident's subscription, kept inside the resident's document.</summary>
internal sealed class SubscriptionDocument
{
    public List<string> Spheres { get; set; } = [];

    public List<string> Communities { get; set; } = [];

    public string Delivery { get; set; } = "";

    /// <summary>Null when the quiet hours are off.</summary>
    public int? QuietStartHour { get; set; }

    public int? QuietEndHour { get; set; }

    public static SubscriptionDocument From(Subscription subscription) => new()
    {
        Spheres = [.. subscription.Spheres],
        Communities = [.. subscription.Communities],
        Delivery = subscription.Delivery.ToString(),
        QuietStartHour = subscription.QuietHours?.StartHour,
        QuietEndHour = subscription.QuietHours?.EndHour,
    };

    public Subscription ToSubscription() => new()
    {
        Spheres = [.. Spheres],
        Communities = [.. Communities],
        Delivery = Enum.Parse<Delivery>(Delivery),
        QuietHours = QuietStartHour is { } start && QuietEndHour is { } end ? new QuietHours(start, end) : null,
    };
}
