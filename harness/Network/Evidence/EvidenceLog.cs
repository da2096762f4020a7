using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Evidence;

/// <summary>
/// One scenario's evidence, in publication order: servers and device roles publish to it (it
/// numbers each event from 1 and stamps it with fabric time), steps read from it. A step waits with
/// <see cref="WaitForAsync"/> ("the next SOLICIT from this MAC within 60 s"), which runs the fabric
/// until the event appears or the time is up, so the same step works in simulation (virtual time)
/// and on real networks (wall time). Publication may come from the fabric's actor thread while a
/// step reads: every access takes the lock.
/// </summary>
public sealed class EvidenceLog(IFabric fabric) : IEvidenceSink
{
    readonly object _gate = new();
    readonly List<EvidenceEvent> _events = [];
    readonly List<Waiter> _waiters = [];

    sealed record Waiter(Func<EvidenceEvent, bool> Match, EvidenceCursor From, TaskCompletionSource<EvidenceEvent> Found);

    /// <summary>Raised after each publication, on the publisher's thread (the evidence writer listens here).</summary>
    public event Action<EvidenceEvent>? Published;

    /// <summary>Just past the last event published so far.</summary>
    public EvidenceCursor Cursor
    {
        get { lock (_gate) return new EvidenceCursor(_events.Count); }
    }

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<EvidenceEvent> Events
    {
        get { lock (_gate) return _events.ToList(); }
    }

    public EvidenceEvent Publish(EvidenceDraft draft)
    {
        EvidenceEvent evidence;
        List<Waiter> satisfied;
        lock (_gate)
        {
            // The receipt of a datagram the fabric's own endpoints sent is stamped with the moment it was put on the link
            // (real fabrics, see RealFabric.Deliver), like its frame in the capture; anything else with the time now.
            var at = draft.Direction == Direction.Received && !draft.Raw.IsEmpty && Sockets.RealFabric.WireTimeOf(draft.Raw) is { } wire
                ? wire : fabric.Clock.GetUtcNow();
            evidence = new EvidenceEvent(_events.Count + 1, at, draft.Service, draft.Direction, draft.Local, draft.Peer,
                draft.Protocol, draft.Kind, draft.Fields, draft.Message, draft.Error, draft.Raw);
            _events.Add(evidence);
            satisfied = _waiters.Where(w => w.From.Precedes(evidence) && Matches(w, evidence)).ToList();
            foreach (var w in satisfied) _waiters.Remove(w);
        }
        foreach (var w in satisfied) w.Found.TrySetResult(evidence);
        Published?.Invoke(evidence);
        return evidence;
    }

    /// <summary>A matcher that throws is the waiting step's fault, not the publisher's: its wait fails with that exception.</summary>
    bool Matches(Waiter waiter, EvidenceEvent evidence)
    {
        try
        {
            return waiter.Match(evidence);
        }
        catch (Exception e)
        {
            waiter.Found.TrySetException(e);
            return true;
        }
    }

    /// <summary>The events after <paramref name="from"/> that <paramref name="match"/> selects, in order: looking back at what already went by.</summary>
    public IReadOnlyList<EvidenceEvent> Since(EvidenceCursor from, Func<EvidenceEvent, bool>? match = null)
    {
        lock (_gate) return _events.Skip((int)Math.Min(from.AfterSequence, _events.Count)).Where(e => match is null || match(e)).ToList();
    }

    /// <summary>
    /// The first event after <paramref name="from"/> (default: after the last one published so far)
    /// that <paramref name="match"/> selects: one already published if there is one, else the next
    /// to be published within <paramref name="within"/> of fabric time, while the fabric runs.
    /// Null when none came in time.
    /// </summary>
    public async Task<EvidenceEvent?> WaitForAsync(Func<EvidenceEvent, bool> match, TimeSpan within, EvidenceCursor? from = null,
        CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(match, from ?? Cursor, new TaskCompletionSource<EvidenceEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            var seen = _events.Skip((int)Math.Min(waiter.From.AfterSequence, _events.Count)).FirstOrDefault(match);
            if (seen is not null) return seen;
            _waiters.Add(waiter);
        }
        try
        {
            return await fabric.RunUntilAsync(waiter.Found.Task, within, cancellationToken) ? await waiter.Found.Task : null;
        }
        finally
        {
            lock (_gate) _waiters.Remove(waiter);
        }
    }
}
