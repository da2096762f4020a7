using EUeConformance.Network.Time;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// The simulation's single actor context: a FIFO of work items, each labelled with the actor it
/// runs for, pumped on the caller's thread only inside <see cref="RunUntil"/>. When the queue is
/// empty the virtual clock jumps to the next due timer, so idle waits cost no wall time, and one
/// thread runs everything, so the same inputs always run in the same order (ARCHITECTURE.md, Time).
/// </summary>
internal sealed class ActorContext
{
    /// <summary>The label of work posted from outside the pump (the test or the runner).</summary>
    public const string Outside = "test";

    readonly object _gate = new();
    readonly Queue<(string Actor, Action Work)> _queue = new();
    readonly VirtualClock _clock;
    readonly Dictionary<string, int> _itemsByActor = new(StringComparer.Ordinal);
    Thread? _pumpThread;
    string _currentActor = Outside;
    DateTimeOffset _instant;
    int _itemsThisInstant;

    public ActorContext(VirtualClock clock)
    {
        _clock = clock;
        SynchronizationContext = new ActorSynchronizationContext(this);
        _instant = clock.GetUtcNow();
    }

    public SynchronizationContext SynchronizationContext { get; }

    /// <summary>
    /// How many work items may run at one virtual instant before the simulation calls it a livelock:
    /// far above any real exchange at one instant (a whole TFTP transfer without link delay is a few
    /// thousand), far below what would make a runaway actor look like a hang.
    /// </summary>
    public int WorkItemsPerInstantLimit { get; set; } = 200_000;

    /// <summary>The actor whose work is running on this thread now; <see cref="Outside"/> elsewhere.</summary>
    public string CurrentActor => IsPumpingHere ? _currentActor : Outside;

    public bool IsPumpingHere => _pumpThread == Thread.CurrentThread;

    public void Post(string actor, Action work)
    {
        lock (_gate) _queue.Enqueue((actor, work));
    }

    /// <summary>Work that continues what the current actor was doing keeps its label.</summary>
    public void Post(Action work) => Post(CurrentActor, work);

    public void Clear()
    {
        lock (_gate) _queue.Clear();
    }

    /// <summary>
    /// Pumps until <paramref name="awaited"/> completes (true) or virtual time reaches
    /// <paramref name="deadline"/> (false). Null means no deadline: then an idle simulation with no
    /// timer armed is a deadlock, reported rather than waited out.
    /// </summary>
    public bool RunUntil(Task awaited, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (_pumpThread == Thread.CurrentThread)
            throw new InvalidOperationException($"actor '{_currentActor}' tried to wait for the simulation from inside it: actor code awaits, only the test side runs the fabric");
        lock (_gate)
        {
            if (_pumpThread is not null) throw new InvalidOperationException("the simulation is already being run on another thread: drive it from one thread");
            _pumpThread = Thread.CurrentThread;
        }
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(SynchronizationContext);
        try
        {
            while (!awaited.IsCompleted)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (TryDequeue(out var item)) { Execute(item.Actor, item.Work); continue; }

                DateTimeOffset? next = _clock.NextDue;
                if (next is not null && (deadline is null || next <= deadline))
                {
                    // A timer made through VirtualClock directly (not the fabric's clock) fires right here: still on this thread, in this context.
                    Execute("clock", () => Detached(() => _clock.AdvanceToNextTimer()));
                    continue;
                }
                if (deadline is null)
                    throw new InvalidOperationException("every actor is idle and no timer is armed, yet the awaited work has not finished: it never will (deadlock)");
                var now = _clock.GetUtcNow();
                if (deadline > now) _clock.Advance(deadline.Value - now);
                return awaited.IsCompleted;
            }
            return true;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentActor = Outside;
            lock (_gate) _pumpThread = null;
        }
    }

    /// <summary>
    /// Runs fabric code that completes a task actor code awaits (a stream read, a connect, a timer) with no
    /// SynchronizationContext set. The runtime never runs a ConfigureAwait(false) continuation inline under a
    /// custom SynchronizationContext: it sends it to the thread pool, where the simulation cannot see it and
    /// virtual time runs on without it (Stream.CopyToAsync, ReadExactlyAsync and their kind await that way).
    /// Without a context such continuations run inline here, on the pumping thread; continuations that
    /// captured the actor context are posted to the queue, in order. Either way nothing leaves the pump.
    /// </summary>
    public static void Detached(Action completion)
    {
        var context = SynchronizationContext.Current;
        if (context is null) { completion(); return; }
        SynchronizationContext.SetSynchronizationContext(null);
        try { completion(); }
        finally { SynchronizationContext.SetSynchronizationContext(context); }
    }

    /// <summary>Runs part of the current work item on behalf of another actor (a datagram's receiver), under its name.</summary>
    public void RunAs(string actor, Action work)
    {
        var outer = _currentActor;
        _currentActor = actor;
        try
        {
            work();
        }
        catch (Exception e) when (e is not SimulationLivelockException and not ActorFailedException)
        {
            throw new ActorFailedException(actor, e);
        }
        finally
        {
            _currentActor = outer;
        }
    }

    bool TryDequeue(out (string Actor, Action Work) item)
    {
        lock (_gate) return _queue.TryDequeue(out item);
    }

    void Execute(string actor, Action work)
    {
        CountAgainstLivelock(actor);
        _currentActor = actor;
        try
        {
            work();
        }
        catch (Exception e) when (e is not SimulationLivelockException and not ActorFailedException)
        {
            throw new ActorFailedException(actor, e);
        }
        finally
        {
            _currentActor = Outside;
        }
    }

    void CountAgainstLivelock(string actor)
    {
        var now = _clock.GetUtcNow();
        if (now != _instant)
        {
            _instant = now;
            _itemsThisInstant = 0;
            _itemsByActor.Clear();
        }
        _itemsThisInstant++;
        _itemsByActor[actor] = _itemsByActor.GetValueOrDefault(actor) + 1;
        if (_itemsThisInstant > WorkItemsPerInstantLimit)
        {
            var busiest = _itemsByActor.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First();
            throw new SimulationLivelockException(busiest.Key, busiest.Value, _itemsThisInstant, now);
        }
    }
}
