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
        "the eCM asks its ToD server once and registers without retrying (violates 6.2.1.1 bullet 3: retries similar to DHCP backoff); blast radius: the other scenarios with a silent ToD server (6.3.2.3-01, CM5-CM10, eUE-1-02) watch the same retries",
        Ids("6.2.1.1-05"),
        o => o.Time(t => t with { TodRetries = [] }))
    { BlastRadius = Ids("6.3.2.3-01", "T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03", "T5-eUE-1-02") };

    public static readonly Mutant TodRetriesShrink = new("ecm-tod-retries-shrinking",
        "the eCM's ToD retries come faster and faster (8, 2, 1 s) instead of backing off (violates 6.2.1.1 bullet 3); blast radius: the other scenarios with a silent ToD server (6.3.2.3-01, CM5-CM10) watch the same retries",
        Ids("6.2.1.1-05"),
        o => o.Time(t => t with { TodRetries = DeviceTimers.Seconds(8, 2, 1) }))
    { BlastRadius = Ids("6.3.2.3-01", "T2-CM5-CM10-02", "T3-CM5v6-CM10v6-03") };

    public static readonly Mutant SecureRetriesTooOften = new("secure-without-tod-retries-every-20-s",
        "a Secure-flow eUE without the time of day runs eUE-1 again every 20 s, more than three times per 300 s (violates 6.3.2.3 ¶4 bullet 1); blast radius: the other Secure-without-ToD scenarios (6.3.2.3-01, -02, -07) watch the same retries",
        Ids("6.3.2.3-03"),
        o => o.Time(t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(20) }))
    { BlastRadius = Ids("6.3.2.3-*") };

    public static readonly Mutant SecureRetriesTooRarely = new("secure-without-tod-retries-every-400-s",
        "a Secure-flow eUE without the time of day waits 400 s between its eUE-1 retries, less than once per 300 s (violates 6.3.2.3 ¶4 bullet 1); blast radius: the other Secure-without-ToD scenarios (6.3.2.3-01, -02, -07) watch the same retries",
        Ids("6.3.2.3-03"),
        o => o.Time(t => t with { SecureWithoutTodRetries = DeviceTimers.Seconds(400) }))
    { BlastRadius = Ids("6.3.2.3-*") };

    public static readonly Mutant SecureGoesOnWithoutTod = new("secure-flow-goes-on-without-tod",
        "a Secure-flow eUE without the time of day goes on beyond DHCP (to its KDC lookup) instead of stopping after DHCP (violates 6.3.2.3 ¶4 bullet 1); blast radius: the other Secure-without-ToD scenarios (6.3.2.3-01, -03, -07) watch the same stop",
        Ids("6.3.2.3-02"),
        o => o.Behave(b => b with { Time = new NeverWaits() }))
    { BlastRadius = Ids("6.3.2.3-*") };

    public static readonly Mutant BasicWaitsForTod = new("basic-flow-waits-for-tod",
        "a Basic or Hybrid eUE without the time of day stops after DHCP and waits for it like a Secure one (violates 6.3.2.3 ¶4 bullet 2); blast radius: 6.3.2.3-01 shares the scenario",
        Ids("6.3.2.3-05"),
        o => o.Behave(b => b with { Time = new AlwaysWaits() }))
    { BlastRadius = Ids("6.3.2.3-01") };

    public static readonly Mutant NoMissingTodEvent = new("no-event-without-tod",
        "the eUE raises no management event when it completes DHCP while the eCM has no time of day (violates 6.3.2.3 ¶8); blast radius: the other Secure-without-ToD scenarios (6.3.2.3-01, -02, -03) wait for that event",
        Ids("6.3.2.3-07"),
        o => o.Behave(b => b with { Time = new SilentAboutMissingTime() }))
    { BlastRadius = Ids("6.3.2.3-*") };

    /// <summary>Issue 8's "uncorrected clock": the eUE stamps its events with its own free-running clock.</summary>
    public static readonly Mutant UncorrectedClock = new("eue-uncorrected-clock",
        "the eUE never takes the eCM's time of day: its syslog timestamps come from its own uncorrected clock (violates 6.3.2.3 ¶4 bullet 3, ¶9); blast radius: 6.3.2.3-10 judges the timestamps of the same events",
        Ids("6.3.2.3-06", "6.3.2.3-08"),
        o => o.Behave(b => b with { Time = new LocalClock() }))
    { BlastRadius = Ids("6.3.2.3-10") };

    public static readonly Mutant ClockSetOnce = new("eue-clock-set-once",
        "the eUE takes the eCM's first time of day and ignores every later change of it (violates 6.3.2.3 ¶9); blast radius: 6.3.2.3-10 judges the timestamps of the same events",
        Ids("6.3.2.3-08"),
        o => o.Behave(b => b with { Time = new SetOnce() }))
    { BlastRadius = Ids("6.3.2.3-10") };

    public static readonly Mutant NoTodChangeEvent = new("no-event-on-tod-change",
        "the eUE takes a change of the eCM's time of day silently, without the management event (violates 6.3.2.3 ¶11); blast radius: the renewal scenarios that use the ToD-change event to make the eUE send syslog (6.1.6-02, 6.3.5-03b, 6.3.2.3-08) cannot conclude",
        Ids("6.3.2.3-10"),
        o => o.Behave(b => b with { Time = new SilentAboutChange() }))
    { BlastRadius = Ids("6.1.6-02", "6.3.2.3-08", "6.3.5-03b") };

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
