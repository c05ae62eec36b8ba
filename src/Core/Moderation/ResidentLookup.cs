using Hromada.Core.Admin;
using Hromada.Core.Residents;

namespace Hromada.Core.Moderation;

/// <summary>
/// Finds the resident a moderator names: by an identity key such as "telegram:123456789" (what a
/// resident's app shows), or by a phone number the platform verified as theirs.
/// </summary>
public sealed class ResidentLookup(IResidentStore residents)
{
    /// <summary>The registered resident named by <paramref name="reference"/>; null when none is.</summary>
    public async Task<Resident?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var found = AdminOptions.Parse(reference) is { } identity
            ? await residents.FindByIdentityAsync(identity, cancellationToken)
            : Phone(reference) is { } phone ? await residents.FindByVerifiedPhoneAsync(phone, cancellationToken) : null;
        return found is { IsRegistered: true } ? found : null;
    }

    /// <summary>A phone as stored ("+" and digits), from what a moderator typed ("+380 50 123-45-67"); null if it is none.</summary>
    public static string? Phone(string typed)
    {
        var digits = new string([.. typed.Where(char.IsAsciiDigit)]);
        var onlyPhoneCharacters = typed.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
        return onlyPhoneCharacters && digits.Length is >= 10 and <= 15 ? "+" + digits : null;
    }
}
