using Hromada.Core.Conversations;
using Hromada.Core.Dialogs.Reports;
using Hromada.Core.Reports;
using static Hromada.Core.Tests.EngineHarness;

namespace Hromada.Core.Tests.Dialogs.Reports;

/// <summary>Residents reporting through the engine, and reports stored straight into the real store.</summary>
internal static class ReportFixtures
{
    public const string Description = "Глибока яма на проїжджій частині біля зупинки «Центр»";
    public const string Address = "вул. Широка, 12";
    public const string Moderator = "moderator-1";

    /// <summary>Kamianske city centre.</summary>
    public static readonly GeoPoint Centre = new(48.5167, 34.6167);

    /// <summary>The point <paramref name="north"/> and <paramref name="east"/> metres from <see cref="Centre"/>.</summary>
    public static GeoPoint Offset(double north, double east = 0) => new(
        Centre.Latitude + (north / 111_195.0),
        Centre.Longitude + (east / (111_195.0 * Math.Cos(Centre.Latitude * Math.PI / 180))));

    public static IReportStore Reports(this EngineHarness bot) => bot.Services<IReportStore>();

    public static Task<IReadOnlyList<OutboundReply>> ShareLocationAsync(this EngineHarness bot, string user, GeoPoint point) =>
        bot.SendAsync(Message(user) with { Location = point });

    public static Task<IReadOnlyList<OutboundReply>> SendPhotoAsync(this EngineHarness bot, string user, string photoId) =>
        bot.SendAsync(Message(user) with { PhotoId = photoId });

    /// <summary>/report up to the location question: the category, the description, no photos.</summary>
    public static async Task ReachLocationAsync(this EngineHarness bot, string user, ReportCategory category = ReportCategory.Roads)
    {
        await bot.SayAsync(user, "/report");
        await bot.PressAsync(user, ReportDialog.CategoryPrefix + category);
        await bot.SayAsync(user, Description);
        await bot.PressAsync(user, ReportDialog.Done);
    }

    /// <summary>Files a whole report at the point (with nothing nearby) and returns it as stored.</summary>
    public static async Task<ProblemReport> FileAsync(this EngineHarness bot, string user, GeoPoint point, ReportCategory category = ReportCategory.Roads)
    {
        await bot.ReachLocationAsync(user, category);
        await bot.ShareLocationAsync(user, point);
        await bot.PressAsync(user, ReportDialog.Named);
        await bot.PressAsync(user, "confirm");
        var resident = await bot.ResidentAsync(user);
        return (await bot.Reports().ListByResidentAsync(resident!.Id, CancellationToken.None))[0];
    }

    /// <summary>A report by another resident, stored as filed an hour before <paramref name="now"/>.</summary>
    public static Task<ProblemReport> SeedAsync(
        this EngineHarness bot, DateTimeOffset now, GeoPoint? point, ReportCategory category = ReportCategory.Roads, string reporterId = "someone-else") =>
        bot.Reports().AddAsync(
            ProblemReport.File(
                new ProblemReport
                {
                    Id = Guid.NewGuid().ToString("N"),
                    CommunityId = "kamianske",
                    Category = category,
                    Description = "Вибоїна, об яку ламають колеса",
                    Location = point,
                    ReporterId = reporterId,
                },
                now.AddHours(-1)),
            CancellationToken.None);

    /// <summary>Stores the report moved to <paramref name="status"/> by a moderator.</summary>
    public static async Task<ProblemReport> MoveAsync(this EngineHarness bot, ProblemReport report, ReportStatus status, DateTimeOffset at)
    {
        var updated = await bot.Reports().UpdateAsync(report.Number, stored => stored.MovedTo(status, Moderator, "note", at), CancellationToken.None);
        return updated!.Value.Report;
    }
}
