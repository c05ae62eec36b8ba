using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Hromada.Bots.Channels.Viber;

/// <summary>
/// X-Viber-Content-Signature: the hex HMAC-SHA256 of the raw request bytes keyed with the bot token.
/// Checked over the bytes as received, before any parsing, in constant time.
/// </summary>
internal static class ViberSignature
{
    public const string Header = "X-Viber-Content-Signature";
    private const int HashBytes = 32;

    public static bool IsValid(ReadOnlySpan<byte> body, string? signature, string token)
    {
        // Viber sends lowercase hex; decoding compares the bytes, so the check is the same for any case.
        Span<byte> given = stackalloc byte[HashBytes];
        if (signature is null || signature.Length != HashBytes * 2 ||
            Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
