using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;
using static EUeConformance.Device.Mutants.Deviations;

namespace EUeConformance.Device.Mutants;

/// <summary>
/// Mutants of the time of day (EUE-PROV 6.2.1.1 bullet 3, 6.3.2.3; features/time-of-day): the eCM's retries, what an eUE
/// does without the time, and how it takes the eCM's time and its changes.
/// </summary>
public static class TimeOfDayMutants
{
    public static readonly Mutant TodOnce = new("ecm-tod-without-retries",
        "the eCM asks its ToD server once and registers without retrying (violates 6.2.1.1 bullet 3: retries similar to DHCP backoff)",
        Ids("6.2.1.1-05"),
        o => o.Time(t => t with { TodRetries = [] }));

    public static readonly Mutant TodRetriesShrink = new("ecm-tod-retries-shrinking",
        "the eCM's ToD retries come faster and faster (8, 2, 1 s) instead of backing off (violates 6.2.1.1 bullet 3)",
        Ids("6.2.1.1-05"),
        o => o.Time(t => t with { TodRetries = DeviceTimers.Seconds(8, 2, 1) }));

    public static readonly Mutant SecureRetriesTooOften = new("secure-without-tod-retries-every-20-s",
        "a Secure-flow eUE without the time of day runs eUE-1 again every 20 s, more than three times per 300 s (violates 6.3.2.3 ¶4 bullet 1)",
        Ids("6.3.2.3-03"),
        o => o.Time(t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(20) }));

    public static readonly Mutant SecureRetriesTooRarely = new("secure-without-tod-retries-every-400-s",
        "a Secure-flow eUE without the time of day waits 400 s between its eUE-1 retries, less than once per 300 s (violates 6.3.2.3 ¶4 bullet 1)",
        Ids("6.3.2.3-03"),
        o => o.Time(t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(400) }));

    public static readonly Mutant SecureGoesOnWithoutTod = new("secure-flow-goes-on-without-tod",
        "a Secure-flow eUE without the time of day goes on beyond DHCP (to its KDC lookup) instead of stopping after DHCP (violates 6.3.2.3 ¶4 bullet 1)",
        Ids("6.3.2.3-02"),
        o => o.Behave(b => b with { Time = new NeverWaits() }));

    public static readonly Mutant BasicWaitsForTod = new("basic-flow-waits-for-tod",
        "a Basic or Hybrid eUE without the time of day stops after DHCP and waits for it like a Secure one (violates 6.3.2.3 ¶4 bullet 2)",
        Ids("6.3.2.3-05"),
        o => o.Behave(b => b with { Time = new AlwaysWaits() }));

    public static readonly Mutant NoMissingTodEvent = new("no-event-without-tod",
        "the eUE raises no management event when it completes DHCP while the eCM has no time of day (violates 6.3.2.3 ¶8)",
        Ids("6.3.2.3-07"),
        o => o.Behave(b => b with { Time = new SilentAboutMissingTime() }));

    /// <summary>Issue 8's "uncorrected clock": the eUE stamps its events with its own free-running clock.</summary>
    public static readonly Mutant UncorrectedClock = new("eue-uncorrected-clock",
        "the eUE never takes the eCM's time of day: its syslog timestamps come from its own uncorrected clock (violates 6.3.2.3 ¶4 bullet 3, ¶9)",
        Ids("6.3.2.3-06", "6.3.2.3-08"),
        o => o.Behave(b => b with { Time = new LocalClock() }));

    public static readonly Mutant ClockSetOnce = new("eue-clock-set-once",
        "the eUE takes the eCM's first time of day and ignores every later change of it (violates 6.3.2.3 ¶9)",
        Ids("6.3.2.3-08"),
        o => o.Behave(b => b with { Time = new SetOnce() }));

    public static readonly Mutant NoTodChangeEvent = new("no-event-on-tod-change",
        "the eUE takes a change of the eCM's time of day silently, without the management event (violates 6.3.2.3 ¶11)",
        Ids("6.3.2.3-10"),
        o => o.Behave(b => b with { Time = new SilentAboutChange() }));

    sealed class NeverWaits : EueTimePolicy
    {
        public override bool WaitsForTimeOfDay(ProvisioningFlow flow) => false;
    }

    sealed class AlwaysWaits : EueTimePolicy
    {
        public override bool WaitsForTimeOfDay(ProvisioningFlow flow) => true;
    }

    sealed class SilentAboutMissingTime : EueTimePolicy
    {
        public override bool ReportsMissingTimeOfDay => false;
    }

    sealed class SilentAboutChange : EueTimePolicy
    {
        public override bool ReportsTimeChange => false;
    }

    sealed class LocalClock : EueTimePolicy
    {
        public override DateTimeOffset Now(NetworkTime time, TimeProvider clock) => clock.GetUtcNow();
    }

    sealed class SetOnce : EueTimePolicy
    {
        TimeSpan? _correction;

        public override DateTimeOffset Now(NetworkTime time, TimeProvider clock)
        {
            if (!time.Obtained) return time.UtcNow;
            _correction ??= time.UtcNow - clock.GetUtcNow();
            return clock.GetUtcNow() + _correction.Value;
        }
    }
}
