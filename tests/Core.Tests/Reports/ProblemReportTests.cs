using Hromada.Core.Reports;
using static Hromada.Core.Reports.ReportStatus;

namespace Hromada.Core.Tests.Reports;

public sealed class ProblemReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(New, Acknowledged, true)]
    [InlineData(New, InProgress, true)]
    [InlineData(New, Resolved, true)]
    [InlineData(New, Rejected, true)]
    [InlineData(Acknowledged, InProgress, true)]
    [InlineData(InProgress, Resolved, true)]
    [InlineData(InProgress, Rejected, true)]
    [InlineData(New, New, false)]
    [InlineData(Acknowledged, Acknowledged, false)]
    [InlineData(InProgress, Acknowledged, false)]
    [InlineData(Resolved, Rejected, false)]
    [InlineData(Resolved, InProgress, false)]
    [InlineData(Rejected, Resolved, false)]
    [InlineData(Rejected, Acknowledged, false)]
    public void CanMoveTo_FromStatus_ForwardOnlyAndNeverOutOfAFinalOne(ReportStatus from, ReportStatus to, bool allowed)
    {
        var report = Filed() with { Status = from };

        Assert.Equal(allowed, report.CanMoveTo(to));
    }

    [Fact]
    public void MovedTo_Rejected_KeepsTheReasonAndTheHistory()
    {
        var report = Filed().MovedTo(Rejected, "m1", "Не наша компетенція", Now.AddHours(1));

        Assert.Equal((Rejected, "Не наша компетенція", Now.AddHours(1)), (report.Status, report.RejectionReason, report.UpdatedAt));
        Assert.Equal([New, Rejected], report.History.Select(change => change.Status));
        Assert.False(report.IsOpen);
    }

    [Fact]
    public void MovedTo_IllegalStep_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Filed().MovedTo(Resolved, "m1", null, Now).MovedTo(InProgress, "m1", null, Now));

    [Fact]
    public void JoinedBy_ReporterOrAlreadyJoined_ChangesNothing()
    {
        var report = Filed().JoinedBy("r2");

        Assert.Same(report, report.JoinedBy("r1"));
        Assert.Same(report, report.JoinedBy("r2"));
        Assert.Equal(["r1", "r2"], report.Followers);
    }

    [Fact]
    public void RatedWith_BeforeResolved_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Filed().RatedWith(5, Now));

    [Fact]
    public void RatedWith_ResolvedOnce_TakesItAndNoMore()
    {
        var rated = Filed().MovedTo(Resolved, "m1", null, Now).RatedWith(4, Now.AddDays(1));

        Assert.Equal((4, Now.AddDays(1), false), (rated.Rating, rated.RatedAt, rated.AwaitsRating));
        Assert.Throws<InvalidOperationException>(() => rated.RatedWith(5, Now));
    }

    [Fact]
    public void Open311KeyId_FiledThroughOpen311OrByAResident_TheKeyOrNull()
    {
        var filedByKey = Filed() with { ReporterId = ProblemReport.Open311Reporter("0123456789ab") };

        Assert.Equal(("open311:0123456789ab", "0123456789ab"), (filedByKey.ReporterId, filedByKey.Open311KeyId));
        Assert.Null(Filed().Open311KeyId);
    }

    private static ProblemReport Filed() => ProblemReport.File(
        new ProblemReport { Id = "a", CommunityId = "kamianske", Category = ReportCategory.Roads, Description = "Яма на дорозі", ReporterId = "r1" },
        Now);
}
