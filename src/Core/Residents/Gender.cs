namespace Hromada.Core.Residents;

/// <summary>What a resident chose to say about their gender; stored by name. Only poll results by group use it.</summary>
public enum Gender
{
    Female,
    Male,
    Other,

    /// <summary>Answered, but not to be counted in any group.</summary>
    PreferNotToSay,
}
