namespace Hromada.Core.Dialogs.Onboarding;

public enum OnboardingState
{
    AwaitingConsent,
    AwaitingName,
    AwaitingCommunity,
    AwaitingSpheres,
    AwaitingPhone,

    /// <summary>The shared phone is already verified for a resident of another app: join it, or stay separate.</summary>
    AwaitingJoinDecision,
    Completed,
    Cancelled,
}
