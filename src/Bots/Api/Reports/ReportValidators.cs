using FluentValidation;
using Hromada.Bots.Api.Polls;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin.Issues;
using Hromada.Core.Dialogs.Admin.Moderate;
using Hromada.Core.Reports;

namespace Hromada.Bots.Api.Reports;

internal sealed class ReportListQueryValidator : AbstractValidator<ReportListQuery>
{
    public ReportListQueryValidator(CommunityDirectory communities)
    {
        Include(new PageQueryValidator<ReportListQuery>(communities));
        RuleFor(query => query.Status)
            .Must(status => EnumName.Parse<ReportStatus>(status) is not null).When(query => query.Status is not null)
            .WithMessage($"The status must be {EnumName.List<ReportStatus>()}.");
        RuleFor(query => query.Category)
            .Must(category => EnumName.Parse<ReportCategory>(category) is not null).When(query => query.Category is not null)
            .WithMessage($"The category must be {EnumName.List<ReportCategory>()}.");
        RuleFor(query => query.Until)
            .Must((query, until) => until > query.Since).When(query => query.Since is not null && query.Until is not null)
            .WithMessage("until must come after since.");
    }
}

/// <summary>A status a moderator sets, a reason exactly when rejecting and an optional note otherwise, by the rules of /issues.</summary>
internal sealed class ReportStatusRequestValidator : AbstractValidator<ReportStatusRequest>
{
    private static readonly ReasonValidator ReasonRule = new();

    public ReportStatusRequestValidator()
    {
        RuleFor(request => request.Status).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must((request, _) => request.ParsedStatus is not null).WithMessage($"The status must be {EnumName.List(ReportStatusRequest.Targets)}.");
        When(request => request.ParsedStatus == ReportStatus.Rejected, () =>
        {
            RuleFor(request => request.Reason).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("A rejection needs a reason for the residents.")
                .Custom((reason, context) => context.Apply(ReasonRule, reason!.Trim()));
            RuleFor(request => request.Note).Null().WithMessage("A rejection takes a reason instead of a note.");
        }).Otherwise(() =>
        {
            RuleFor(request => request.Reason).Null().WithMessage("Only a rejection takes a reason.");
            RuleFor(request => request.Note).MaximumLength(ReportModeration.MaxTextLength);
        });
    }
}

/// <summary>An answer by the rule of /issues: not empty, and short enough for one message.</summary>
internal sealed class ReportReplyRequestValidator : AbstractValidator<ReportReplyRequest>
{
    private static readonly ReplyValidator ReplyRule = new();

    public ReportReplyRequestValidator() =>
        RuleFor(request => request.Text).Cascade(CascadeMode.Stop)
            .NotNull()
            .Custom((text, context) => context.Apply(ReplyRule, text!.Trim()));
}
