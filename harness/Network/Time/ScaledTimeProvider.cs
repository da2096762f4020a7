namespace EUeConformance.Network.Time;

/// <summary>
/// The wall clock run <see cref="Factor"/> times faster, from the moment it was made: for the reference device
/// and the headend together on a real fabric (loopback, netns), where a scenario that waits out three 300-second
/// windows would otherwise take a quarter of an hour. Every actor timer goes through it, so the ratios between
/// the device's and the headend's timers stay the spec's; what it cannot speed up is the kernel (a veth's
/// microseconds, its 100 ms DAD), which only the factor's headroom absorbs. Not for a device running its own
/// clock (a bench device, a device program), whose time cannot be sped up.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    readonly TimeProvider _wall;
    readonly long _startTimestamp;
    readonly DateTimeOffset _startUtc;

    public ScaledTimeProvider(double factor, TimeProvider? wall = null)
    {
        if (!(factor >= 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "a time scale is 1 or more");
        Factor = factor;
        _wall = wall ?? System;
        _startTimestamp = _wall.GetTimestamp();
        _startUtc = _wall.GetUtcNow();
    }

    public double Factor { get; }

    TimeSpan Elapsed => TimeSpan.FromTicks((long)(_wall.GetElapsedTime(_startTimestamp).Ticks * Factor));

    public override DateTimeOffset GetUtcNow() => _startUtc + Elapsed;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _startUtc.UtcTicks + Elapsed.Ticks;

    public override TimeZoneInfo LocalTimeZone => _wall.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_wall.CreateTimer(callback, state, Shrink(dueTime), Shrink(period)), this);

    TimeSpan Shrink(TimeSpan span) => span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1, (long)(span.Ticks / Factor)));

    sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Shrink(dueTime), clock.Shrink(period));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
