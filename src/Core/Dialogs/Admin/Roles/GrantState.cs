namespace Hromada.Core.Dialogs.Admin.Roles;

public enum GrantState
{
    AwaitingResident,
    AwaitingRole,
    AwaitingCommunity,
    Completed,
    Cancelled,
}
