using Hromada.Core.Events;
using Hromada.Persistence.Documents;
using LiteDB;

namespace Hromada.Persistence.LiteDb;

internal sealed class LiteDbRsvpStore : IRsvpStore
{
    private const string Collection = "rsvps";

    private readonly ILiteCollection<RsvpDocument> _rsvps;

    /// <summary>Makes the read, the compare and the write of an answer one step; the primary key (event, resident) keeps one answer per pair.</summary>
    private readonly LiteDbWriter _writer;

    /// <summary>Creates the collection and its indexes: once at open, before any other use of the file (<see cref="LiteDbSchema"/>).</summary>
    public static void Prepare(LiteDatabase database)
    {
        var rsvps = database.GetCollection<RsvpDocument>(Collection);
        rsvps.EnsureIndex(d => d.EventId);
        rsvps.EnsureIndex(d => d.ResidentId);
    }

    public LiteDbRsvpStore(LiteDatabase database, LiteDbWriter writer)
    {
        _rsvps = database.GetCollection<RsvpDocument>(Collection);
        _writer = writer;
    }

    public Task<Rsvp> AnswerAsync(
        string eventId, string residentId, RsvpAnswer answer, DateTimeOffset answeredAt, CancellationToken cancellationToken) =>
        _writer.WriteAsync(() =>
        {
            var stored = _rsvps.FindById(RsvpDocument.KeyOf(eventId, residentId))?.ToRsvp();
            var rsvp = RsvpDocument.Apply(stored, eventId, residentId, answer, answeredAt);
            if (!ReferenceEquals(rsvp, stored))
            {
                _rsvps.Upsert(RsvpDocument.From(rsvp));
            }

            return rsvp;
        });

    public Task<Rsvp?> FindAsync(string eventId, string residentId, CancellationToken cancellationToken) =>
        Task.FromResult(_rsvps.FindById(RsvpDocument.KeyOf(eventId, residentId))?.ToRsvp());

    public Task<int> CountGoingAsync(string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(_rsvps.Count(d => d.EventId == eventId && d.Answer == nameof(RsvpAnswer.Going)));

    public Task<IReadOnlyList<string>> ListGoingAsync(string eventId, CancellationToken cancellationToken)
    {
        var going = _rsvps.Find(d => d.EventId == eventId && d.Answer == nameof(RsvpAnswer.Going))
            .Select(d => d.ResidentId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(going);
    }

    public Task<IReadOnlyList<Rsvp>> ListByResidentAsync(string residentId, CancellationToken cancellationToken)
    {
        var answers = _rsvps.Find(d => d.ResidentId == residentId)
            .Select(d => d.ToRsvp())
            .OrderBy(rsvp => rsvp.AnsweredAt)
            .ThenBy(rsvp => rsvp.EventId, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<Rsvp>>(answers);
    }
}
