using Hromada.Core.Conversations;

namespace Hromada.Persistence.Documents;

/// <summary>What a platform's delivery report changes on a sent message, the same for every provider.</summary>
internal static class OutboxReceipts
{
    /// <summary>Why a message the platform reported failed is marked so.</summary>
    public const string FailedReason = "The platform reported the message as not delivered.";

    /// <summary>
    /// The first report of each kind counts (platforms repeat them). Seen implies delivered: a
    /// delivered report that is lost or arrives late still leaves a delivery time.
    /// </summary>
    public static void Apply(OutboxDocument document, DeliveryReceipt receipt, DateTime at)
    {
        switch (receipt)
        {
            case DeliveryReceipt.Delivered:
                document.DeliveredAt ??= at;
                break;
            case DeliveryReceipt.Seen:
                document.SeenAt ??= at;
                document.DeliveredAt ??= at;
                break;
            case DeliveryReceipt.Failed:
                document.Status = nameof(OutboxStatus.Failed);
                document.FailureReason = FailedReason;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(receipt), receipt, "Unknown delivery receipt.");
        }
    }
}
