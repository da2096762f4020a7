using EUeConformance.Network.Time;

namespace EUeConformance.Network.Simulation;

/// <summary>
/// The fabric's <see cref="TimeProvider"/>: the virtual clock's time, with every timer callback posted
/// into the actor queue under the name of the actor that armed it, so a timer never runs actor code
/// outside the context and a runaway timer is named by the livelock guard.
/// </summary>
internal sealed class ActorClock(VirtualClock clock, ActorContext context) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override long GetTimestamp() => clock.GetTimestamp();

    // The host's time zone would make output depend on the machine it ran on.
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        string actor = context.CurrentActor;
        return clock.CreateTimer(s => context.Post(actor, () => ActorContext.Detached(() => callback(s))), state, dueTime, period);
    }
}
