using System.Security.Cryptography;
using System.Text;

namespace Hromada.Bots.Tests.Channels.Viber;

/// <summary>Signs a webhook body as Viber does: lowercase hex HMAC-SHA256 of the raw bytes, keyed with the token.</summary>
internal static class ViberSigner
{
    public static string Sign(byte[] body, string token = FakeViberApi.Token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));
}
