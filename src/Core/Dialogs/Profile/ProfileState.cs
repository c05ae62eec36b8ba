namespace Hromada.Core.Dialogs.Profile;

public enum ProfileState
{
    AwaitingField,
    AwaitingName,
    AwaitingCommunity,
    AwaitingSpheres,
    AwaitingPhone,
    AwaitingBirthYear,
    AwaitingGender,
    Completed,
    Cancelled,
}
