namespace Hromada.Core.Residents;

/// <summary>
/// Who stands as the author of what the community keeps after its author used /forget (a published
/// idea, a problem report): nobody, and no resident's id, so nothing leads back to them.
/// </summary>
public static class ForgottenResident
{
    public const string Id = "forgotten";
}
