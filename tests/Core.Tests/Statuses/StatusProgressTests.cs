using Hromada.Core.Residents;
using Hromada.Core.Statuses;

namespace Hromada.Core.Tests.Statuses;

public sealed class StatusProgressTests
{
    private static readonly StatusRules Rules = new();

    [Fact]
    public void Next_FourOfTenAnsweredThreeStillOpen_TwoMoreAnswersForResponsible()
    {
        var figures = Figures(new Participation(10, 4, 4, 0, 0, 3, 0), openUnanswered: 3);

        var (next, needs) = StatusProgress.Next(figures, Rules)!.Value;

        Assert.Equal(ResidentStatus.Responsible, next);
        Assert.Equal([new AnswerMorePolls(2, WithoutChanging: false)], needs);
    }

    [Fact]
    public void Next_NoPollOpenYet_OneAnswerForResponsible()
    {
        var figures = Figures(new Participation(0, 0, 0, 0, 0, 1, 0), openUnanswered: 0);

        var (next, needs) = StatusProgress.Next(figures, Rules)!.Value;

        Assert.Equal(ResidentStatus.Responsible, next);
        Assert.Equal([new AnswerMorePolls(1, WithoutChanging: false)], needs);
    }

    /// <summary>7 of 10 unchanged, nothing left open: each new poll answered adds to both, 10 of 13 is the first above 75%.</summary>
    [Fact]
    public void Next_ResponsibleNothingOpenNoProposalThisMonth_NewPollsAndAProposal()
    {
        var figures = Figures(new Participation(10, 8, 7, 0, 0, 3, 2), openUnanswered: 0, proposedThisMonth: false);

        var (next, needs) = StatusProgress.Next(figures, Rules)!.Value;

        Assert.Equal(ResidentStatus.LocalExpert, next);
        Assert.Equal([new AnswerMorePolls(3, WithoutChanging: true), new ProposeThisMonth()], needs);
    }

    [Fact]
    public void Next_EarlierMonthWithoutProposal_SaysEveryMonthCounts()
    {
        var figures = Figures(new Participation(10, 9, 9, 0, 0, 3, 1), openUnanswered: 0, proposedThisMonth: true);

        var (next, needs) = StatusProgress.Next(figures, Rules)!.Value;

        Assert.Equal(ResidentStatus.LocalExpert, next);
        Assert.Equal([new ProposeEveryMonth(1, 3)], needs);
    }

    [Fact]
    public void Next_ExpertHalfWithMajority_LeaderNeedsAnswersAndAgreement()
    {
        var figures = Figures(new Participation(10, 9, 9, 4, 2, 3, 3), openUnanswered: 1, proposedThisMonth: true);

        var (next, needs) = StatusProgress.Next(figures, Rules)!.Value;

        Assert.Equal(ResidentStatus.OpinionLeader, next);
        Assert.Equal([new AnswerMorePolls(1, WithoutChanging: true), new AgreeWithMajority(2, 4)], needs);
    }

    [Fact]
    public void Next_OpinionLeader_Null()
    {
        var figures = Figures(new Participation(10, 10, 10, 4, 4, 3, 3), openUnanswered: 0, proposedThisMonth: true);

        Assert.Null(StatusProgress.Next(figures, Rules));
    }

    private static ResidentFigures Figures(Participation overall, int openUnanswered, bool proposedThisMonth = false) =>
        new(overall, new Dictionary<string, Participation>(), openUnanswered, proposedThisMonth);
}
