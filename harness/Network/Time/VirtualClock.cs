namespace EUeConformance.Network.Time;

/// <summary>
/// A clock that moves only when told to: the time base of the simulation fabric. Timers created
/// through it (Task.Delay(span, clock), CancellationTokenSource(span, clock), ITimer) fire when
/// <see cref="Advance"/> or <see cref="AdvanceToNextTimer"/> carries the clock past their due time,
/// in due order, so a 300-second wait costs no wall time and the same inputs give the same order.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    readonly object _gate = new();
    readonly List<VirtualTimer> _timers = [];
    DateTimeOffset _now = start;
    long _sequence;

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
        get { lock (_gate) return _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value).Order().ToList(); }
    }

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
                next = _timers.Where(t => t.Due is not null && t.Due <= target).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null) { _now = target; return; }
                _now = next.Due!.Value;
                next.Rearm();
            }
            next.Fire();
        }
    }

    /// <summary>Jumps to the earliest armed timer and fires it; false when no timer is armed.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset? due;
        lock (_gate) due = _timers.Where(t => t.Due is not null).Select(t => t.Due).Min();
        if (due is null) return false;
        Advance(due.Value - GetUtcNow());
        return true;
    }

    sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due;
        public TimeSpan Period;
        public long Sequence;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (!clock._timers.Contains(this)) clock._timers.Add(this);
                Period = period;
                Sequence = ++clock._sequence;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock._now + (dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
            }
            return true;
        }

        /// <summary>Called under the clock's lock when the timer fires: periodic timers re-arm, one-shots disarm.</summary>
        public void Rearm()
        {
            Due = Period > TimeSpan.Zero && Period != Timeout.InfiniteTimeSpan ? Due + Period : null;
            Sequence = ++clock._sequence;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (clock._gate) { Due = null; clock._timers.Remove(this); }
        }

        public ValueTask DisposeAsync() { Dispose(); return ValueTask.CompletedTask; }
    }
}
