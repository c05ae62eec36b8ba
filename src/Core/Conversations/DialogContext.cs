using FluentValidation;
using Hromada.Core.Localization;
using Hromada.Core.Residents;

namespace Hromada.Core.Conversations;

/// <summary>What a dialog sees and produces while it handles one message.</summary>
public sealed class DialogContext(
    InboundMessage message,
    ConversationSession session,
    Resident? resident,
    Language language,
    DateTimeOffset now,
    CancellationToken cancellationToken)
{
    private readonly List<OutboundReply> _replies = [];
    private readonly Dictionary<Type, object> _loaded = [];

    public InboundMessage Message { get; } = message;

    public ConversationSession Session { get; } = session;

    /// <summary>The registered (or being registered) resident; null before onboarding saves one.</summary>
    public Resident? Resident { get; private set; } = resident;

    public Language Language { get; set; } = language;

    public DateTimeOffset Now { get; } = now;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<OutboundReply> Replies => _replies;

    /// <summary>The reason the last input was refused; shown before the question is asked again.</summary>
    public string? Problem { get; set; }

    public bool ResidentChanged { get; private set; }

    public bool ResidentForgotten { get; private set; }

    public string Text(string key, params object?[] args) => Texts.Get(Language, key, args);

    public void Reply(OutboundReply reply) => _replies.Add(reply);

    public void Reply(string key, params object?[] args) => Reply(new OutboundReply(Text(key, args)));

    /// <summary>Marks the resident to be stored once the message is handled.</summary>
    public void SaveResident(Resident resident)
    {
        Resident = resident;
        ResidentChanged = true;
    }

    /// <summary>Marks the resident's personal data to be deleted once the message is handled.</summary>
    public void ForgetResident() => ResidentForgotten = true;

    /// <summary>Keeps a value the dialog loaded for this message (see <c>Dialog.LoadAsync</c>); never stored.</summary>
    public void Keep<T>(T value)
        where T : class => _loaded[typeof(T)] = value;

    /// <summary>The value of type <typeparamref name="T"/> kept for this message, if any.</summary>
    public T? Loaded<T>()
        where T : class => _loaded.GetValueOrDefault(typeof(T)) as T;

    /// <summary>Validates <paramref name="value"/>; takes it when valid, otherwise sets <see cref="Problem"/>.</summary>
    public bool Accept<T>(IValidator<T> validator, T value, Action<T> take)
    {
        var result = validator.Validate(value);
        if (result.IsValid)
        {
            take(value);
            return true;
        }

        Problem = Text(result.Errors[0].ErrorCode);
        return false;
    }
}
