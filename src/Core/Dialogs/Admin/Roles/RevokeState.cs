namespace Hromada.Core.Dialogs.Admin.Roles;

public enum RevokeState
{
    AwaitingResident,
    AwaitingGrant,
    Completed,
    Cancelled,
}
