using FluentValidation;
using Hromada.Core.Ideas;

namespace Hromada.Core.Dialogs.Ideas;

/// <summary>An idea's title: one line of <see cref="Idea.TitleMinLength"/> to <see cref="Idea.TitleMaxLength"/> characters. Error codes are text keys.</summary>
public sealed class IdeaTitleValidator : AbstractValidator<string>
{
    public IdeaTitleValidator() =>
        RuleFor(title => title)
            .Cascade(CascadeMode.Stop)
            .Length(Idea.TitleMinLength, Idea.TitleMaxLength).WithErrorCode("Problem_IdeaTitleLength")
            .Must(title => !title.Contains('\n', StringComparison.Ordinal)).WithErrorCode("Problem_IdeaTitleOneLine")
            .OverridePropertyName("title");
}

/// <summary>An idea's description: <see cref="Idea.TextMinLength"/> to <see cref="Idea.TextMaxLength"/> characters. Error codes are text keys.</summary>
public sealed class IdeaTextValidator : AbstractValidator<string>
{
    public IdeaTextValidator() =>
        RuleFor(text => text)
            .Length(Idea.TextMinLength, Idea.TextMaxLength).WithErrorCode("Problem_IdeaTextLength")
            .OverridePropertyName("text");
}

/// <summary>
/// An idea's photo: the file id or URL of a picture the platform delivered as one; empty when the
/// message held none (text, a sticker, a file that is no picture). Error codes are text keys.
/// </summary>
public sealed class IdeaPhotoValidator : AbstractValidator<string>
{
    public IdeaPhotoValidator() =>
        RuleFor(photoId => photoId)
            .NotEmpty().WithErrorCode("Problem_IdeaPhotoOnly")
            .OverridePropertyName("photo");
}
