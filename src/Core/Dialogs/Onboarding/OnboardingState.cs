namespace Hromada.Core.Dialogs.Onboarding;

public enum OnboardingState
{
    AwaitingConsent,
    AwaitingName,
    AwaitingCommunity,
    AwaitingSpheres,
    AwaitingPhone,
    Completed,
    Cancelled,
}
