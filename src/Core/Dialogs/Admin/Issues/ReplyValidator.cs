using FluentValidation;
using Hromada.Core.Reports;

namespace Hromada.Core.Dialogs.Admin.Issues;

/// <summary>A moderator's answer to a report: not empty, and short enough for one message. Error codes are text keys.</summary>
public sealed class ReplyValidator : AbstractValidator<string>
{
    public ReplyValidator() =>
        RuleFor(reply => reply).Length(1, ReportModeration.MaxTextLength)
            .WithErrorCode("Problem_ReplyLength").OverridePropertyName("reply");
}
