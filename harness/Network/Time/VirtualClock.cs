namespace EUeConformance.Network.Time;

/// <summary>
/// A clock that moves only when told to: the time base of the simulation fabric. Timers created
/// through it (Task.Delay(span, clock), CancellationTokenSource(span, clock), ITimer) fire when
/// <see cref="Advance"/> or <see cref="AdvanceToNextTimer"/> carries the clock past their due time,
/// in due order (ties in the order they were armed), so a 300-second wait costs no wall time and the
/// same inputs give the same order.
/// </summary>
/// <remarks>
/// The armed timers sit in a priority queue keyed by (due, arming sequence); re-arming or disarming a
/// timer leaves its old entry behind, recognised as stale by its sequence when it surfaces. So arming
/// and firing cost O(log n) whatever the number of timers: a thousand simulated devices, each with
/// its retransmission and lease timers, stay linear.
/// </remarks>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    readonly object _gate = new();
    readonly PriorityQueue<(VirtualTimer Timer, long Sequence), (long Due, long Sequence)> _queue = new();
    DateTimeOffset _now = start;
    long _sequence;
    int _armed;

    public VirtualClock() : this(new DateTimeOffset(2010, 5, 27, 0, 0, 0, TimeSpan.Zero)) { }

    public override DateTimeOffset GetUtcNow() { lock (_gate) return _now; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() { lock (_gate) return _now.UtcTicks; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>The due times of the timers still armed, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers
    {
        get
        {
            lock (_gate)
                return _queue.UnorderedItems.Where(e => e.Element.Timer.Sequence == e.Element.Sequence && e.Element.Timer.Due is not null)
                    .Select(e => e.Element.Timer.Due!.Value).Order().ToList();
        }
    }

    /// <summary>When the earliest armed timer falls due; null when none is armed.</summary>
    public DateTimeOffset? NextDue { get { lock (_gate) return PeekLive()?.Due; } }

    /// <summary>How many timers are armed now.</summary>
    public int ArmedTimers { get { lock (_gate) return _armed; } }

    /// <summary>Moves time forward by <paramref name="span"/>, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan span)
    {
        if (span < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(span), "time does not run backwards");
        DateTimeOffset target;
        lock (_gate) target = _now + span;
        while (true)
        {
            VirtualTimer? next;
            lock (_gate)
            {
                next = PeekLive();
                if (next is null || next.Due > target) { _now = target; return; }
                _queue.Dequeue();
                _now = next.Due!.Value;
                Rearm(next);
            }
            next.Fire();
        }
    }

    /// <summary>Jumps to the earliest armed timer and fires it; false when no timer is armed.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset due;
        lock (_gate)
        {
            if (PeekLive() is not { } next) return false;
            due = next.Due!.Value;
        }
        Advance(due - GetUtcNow());
        return true;
    }

    /// <summary>The earliest armed timer, dropping stale entries on the way (under the lock).</summary>
    VirtualTimer? PeekLive()
    {
        while (_queue.TryPeek(out var entry, out _))
        {
            if (entry.Timer.Sequence == entry.Sequence && entry.Timer.Due is not null) return entry.Timer;
            _queue.Dequeue();
        }
        return null;
    }

    /// <summary>Arms <paramref name="timer"/> for <paramref name="due"/> (null disarms), under the lock.</summary>
    void Arm(VirtualTimer timer, DateTimeOffset? due)
    {
        if (timer.Due is not null) _armed--;
        timer.Due = due;
        timer.Sequence = ++_sequence;
        if (due is null) return;
        _armed++;
        _queue.Enqueue((timer, timer.Sequence), (due.Value.UtcTicks, timer.Sequence));
    }

    /// <summary>A fired timer: a periodic one goes again one period later, a one-shot disarms.</summary>
    void Rearm(VirtualTimer timer) =>
        Arm(timer, timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan ? timer.Due + timer.Period : null);

    sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due;
        public TimeSpan Period;
        public long Sequence;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Period = period;
                clock.Arm(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime));
            }
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate) clock.Arm(this, null);
        }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
