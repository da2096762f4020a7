using EUeConformance.Network.Fabric;

namespace EUeConformance.Runner.Execution;

/// <summary>
/// The IXIT step and scenario bounds (ixit.timeouts.step, .scenario) as watchdogs over work that has no bound of its
/// own (a hung binding, a device adapter that never returns), measured on the test bed's clock. A step that waits
/// on the fabric already names its bound (the IXIT boot time, a figure of the spec: three 300-second ToD windows,
/// an RFC 3315 back-off): when such a bounded wait starts, the watchdogs move out so that they cannot end the step
/// before the wait does, plus one step bound for the work that follows it. So a step is cut short only when it
/// overruns what it declared, never because the spec's timers are longer than the IXIT's step bound.
/// </summary>
/// <remarks>
/// Only waits measured on the test bed's own clock move the watchdogs: on the real fabrics (loopback, netns,
/// interface) the fabric's clock is the bed's (the wall clock, or both sped up by the same factor); in simulation
/// the waits are virtual and cost next to no wall time, so the bounds stay as the IXIT states them there.
/// </remarks>
public sealed class StepWatchdog
{
    readonly TimeProvider _clock;
    readonly TimeSpan _step;
    readonly CancellationTokenSource _scenarioBound;
    readonly object _gate = new();
    long _stepDeadline;
    long _scenarioDeadline;

    public StepWatchdog(TimeProvider clock, TimeSpan step, TimeSpan scenario, CancellationTokenSource scenarioBound)
    {
        _clock = clock;
        _step = step;
        _scenarioBound = scenarioBound;
        long now = clock.GetTimestamp();
        _stepDeadline = now + Ticks(step);
        _scenarioDeadline = now + Ticks(scenario);
    }

    /// <summary>How far the bounds moved past the IXIT's in this scenario (for the step log).</summary>
    public TimeSpan Extended { get; private set; }

    /// <summary>A step (or hook) starts: its watchdog is one IXIT step bound from now.</summary>
    public void StartStep()
    {
        lock (_gate) _stepDeadline = _clock.GetTimestamp() + Ticks(_step);
    }

    /// <summary>
    /// A wait bounded by <paramref name="span"/> (of the bed's clock) starts now: the step's and the scenario's
    /// watchdogs will not fire before it ends and one step bound more has passed.
    /// </summary>
    public void WaitStarting(TimeSpan span)
    {
        if (span <= TimeSpan.Zero || span == Timeout.InfiniteTimeSpan) return;
        lock (_gate)
        {
            long now = _clock.GetTimestamp();
            long end = now + Ticks(span) + Ticks(_step);
            if (end > _stepDeadline)
            {
                Extended = TimeSpan.FromSeconds(Math.Max(Extended.TotalSeconds, (end - now - Ticks(_step)) / (double)_clock.TimestampFrequency));
                _stepDeadline = end;
            }
            if (end > _scenarioDeadline)
            {
                _scenarioDeadline = end;
                // CancelAfter restarts the source's timer on the clock it was made with.
                try { _scenarioBound.CancelAfter(TimeSpan.FromSeconds((end - now) / (double)_clock.TimestampFrequency)); }
                catch (ObjectDisposedException) { }
            }
        }
    }

    /// <summary>Completes when the current step's deadline has passed (a deadline moved meanwhile is waited for too).</summary>
    public async Task StepExpiredAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long remaining;
            lock (_gate) remaining = _stepDeadline - _clock.GetTimestamp();
            if (remaining <= 0) return;
            await Task.Delay(TimeSpan.FromSeconds(remaining / (double)_clock.TimestampFrequency), _clock, cancellationToken);
        }
    }

    long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _clock.TimestampFrequency);
}

/// <summary>
/// The fabric as the evidence log and the scenario's settle steps see it: every bounded wait on it
/// (<see cref="IFabric.RunUntilAsync"/>) is announced to the scenario's <see cref="StepWatchdog"/> first; the rest
/// is the fabric's own.
/// </summary>
internal sealed class WaitAnnouncingFabric(IFabric inner, Action<TimeSpan> waitStarting) : IFabric
{
    public FabricKind Kind => inner.Kind;
    public TimeProvider Clock => inner.Clock;
    public ILink CreateLink(string name) => inner.CreateLink(name);
    public Task<INetworkHost> AddHostAsync(ILink link, HostOptions options, CancellationToken cancellationToken = default) => inner.AddHostAsync(link, options, cancellationToken);
    public Task InvokeAsync(Func<Task> work) => inner.InvokeAsync(work);

    public Task<bool> RunUntilAsync(Task awaited, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (!awaited.IsCompleted) waitStarting(timeout);
        return inner.RunUntilAsync(awaited, timeout, cancellationToken);
    }

    public event Action<CapturedFrame>? FrameCaptured
    {
        add => inner.FrameCaptured += value;
        remove => inner.FrameCaptured -= value;
    }

    /// <summary>The bed disposes the fabric itself.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
