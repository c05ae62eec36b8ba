using FluentValidation;
using Hromada.Core.Communities;
using Hromada.Core.Dialogs.Admin;
using Hromada.Core.Dialogs.Admin.Moderate;

namespace Hromada.Bots.Api.PollProposals;

internal sealed class ProposalListQueryValidator : AbstractValidator<ProposalListQuery>
{
    public ProposalListQueryValidator(CommunityDirectory communities) =>
        Include(new PageQueryValidator<ProposalListQuery>(communities));
}

/// <summary>A closing time by the rule of /moderate.</summary>
internal sealed class ApproveProposalRequestValidator : AbstractValidator<ApproveProposalRequest>
{
    private static readonly ClosingTimeValidator ClosingTimeRule = new();

    public ApproveProposalRequestValidator(TimeProvider time) =>
        RuleFor(request => request.ClosesAt).Cascade(CascadeMode.Stop)
            .NotNull()
            .Custom((closesAt, context) => context.Apply(ClosingTimeRule, new ClosingTime(closesAt, time.GetUtcNow())));
}

/// <summary>A reason by the rule of /moderate.</summary>
internal sealed class RejectProposalRequestValidator : AbstractValidator<RejectProposalRequest>
{
    private static readonly ReasonValidator ReasonRule = new();

    public RejectProposalRequestValidator() =>
        RuleFor(request => request.Reason).Cascade(CascadeMode.Stop)
            .NotNull()
            .Custom((reason, context) => context.Apply(ReasonRule, reason!.Trim()));
}
