namespace EUeConformance.Device.Options;

/// <summary>
/// Every wait the device makes, with the source that fixes it. All of them run on the fabric's
/// clock, so in simulation a 300-second retry window costs no wall time. Deterministic: no jitter,
/// so that the same seed gives the same exchange.
/// </summary>
public sealed record DeviceTimers
{
    // ---- DHCPv4 (RFC 2131 §4.1) ----

    /// <summary>How long a client gathers OFFERs after a DISCOVER before choosing (RFC 2131 §4.4.1 lets it wait for several).</summary>
    public TimeSpan OfferCollectionWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>RFC 2131 §4.1: DISCOVER/REQUEST retransmission starts at 4 s and doubles up to 64 s.</summary>
    public IReadOnlyList<TimeSpan> Dhcpv4Retransmissions { get; init; } = Seconds(4, 8, 16, 32, 64);

    /// <summary>
    /// EUE-PROV 6.3.1 Table 2 CM3 / Table 3 CM3v6: when no OFFER/ADVERTISE carries the requested E-UE
    /// options the eCM retries DISCOVER/SOLICIT three times with exponential intervals, e.g. 2, 4, 8 s.
    /// </summary>
    public IReadOnlyList<TimeSpan> EcmRequestedOptionRetries { get; init; } = Seconds(2, 4, 8);

    // ---- DHCPv6 (RFC 3315 §5.5, §14, §17.1.2, §18.1.1) ----

    /// <summary>SOL_TIMEOUT: the first RT of a SOLICIT, and the time a client collects ADVERTISEs.</summary>
    public TimeSpan SolicitTimeout { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// RFC 3315 §17.1.2: the first RT of a SOLICIT is strictly greater than SOL_TIMEOUT (RAND chosen above 0), so that the
    /// client collects ADVERTISEs for a full SOL_TIMEOUT. Deterministic, like every timer here: a fixed RAND of +0.05.
    /// </summary>
    public double SolicitFirstRand { get; init; } = 0.05;
    /// <summary>SOL_MAX_RT.</summary>
    public TimeSpan SolicitMaxTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>REQ_TIMEOUT and REQ_MAX_RT.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan RequestMaxTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>REQ_MAX_RC: REQUEST transmissions before the client goes back to SOLICIT.</summary>
    public int RequestMaxCount { get; init; } = 10;
    /// <summary>DEC_TIMEOUT / DEC_MAX_RC for the DECLINE of eUE-4.</summary>
    public TimeSpan DeclineTimeout { get; init; } = TimeSpan.FromSeconds(1);
    public int DeclineMaxCount { get; init; } = 5;

    // ---- Neighbour discovery (RFC 2461 §10) ----

    /// <summary>RTR_SOLICITATION_INTERVAL.</summary>
    public TimeSpan RouterSolicitationInterval { get; init; } = TimeSpan.FromSeconds(4);
    /// <summary>MAX_RTR_SOLICITATIONS.</summary>
    public int MaxRouterSolicitations { get; init; } = 3;
    /// <summary>EUE-PROV 6.3.4.2: no valid RA after the retries: IPv6 provisioning failed; the eUE starts over after this pause.</summary>
    public TimeSpan Ipv6ReinitializationDelay { get; init; } = TimeSpan.FromSeconds(30);

    // ---- Time of day (EUE-PROV 6.2.1.1, 6.3.2.3; RFC 868) ----

    /// <summary>How long one RFC 868 request waits for its reply.</summary>
    public TimeSpan TodRequestTimeout { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// EUE-PROV 6.2.1.1: the eCM retries ToD "similar to DHCP backoff and retry" before starting the eUE:
    /// the pauses between attempts of one iteration (after the last one the eCM registers without ToD).
    /// </summary>
    public IReadOnlyList<TimeSpan> TodRetries { get; init; } = Seconds(2, 4, 8);
    /// <summary>After an iteration without ToD the eCM keeps trying in the background at this period.</summary>
    public TimeSpan TodBackgroundRetry { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// EUE-PROV 6.3.2.3: a Secure-flow eUE without ToD re-runs eUE-1 at least once and at most three times per
    /// 300 s. The spec's illustration: 30, 60, 120 s; the last pause repeats, which keeps every 300-s window at
    /// one to three retries.
    /// </summary>
    public IReadOnlyList<TimeSpan> SecureWithoutTodRetries { get; init; } = Seconds(30, 60, 120);

    // ---- Registration (CM5-CM10 reduced to "registered") ----

    /// <summary>The time the eCM spends on CM9-CM10 (registration with the CMTS), simulated as a pause.</summary>
    public TimeSpan EcmRegistration { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// CM5/CM6 (DOCSIS configuration file over TFTP): the pauses before each new attempt after a failed download; when
    /// they run out the eCM starts over with CM1 (DOCSIS: no configuration, no registration).
    /// </summary>
    public IReadOnlyList<TimeSpan> EcmConfigFileRetries { get; init; } = Seconds(1, 2, 4);

    // ---- Provisioning (PKT-PROV1.5) ----

    /// <summary>pktcMtaDevProvisioningTimer default: 10 minutes for the flow up to the config file; 122.8/CCCV6.8 override, 0 disables.</summary>
    public TimeSpan ProvisioningTimer { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>DNS query timeout and attempts per server.</summary>
    public TimeSpan DnsTimeout { get; init; } = TimeSpan.FromSeconds(2);
    public int DnsAttempts { get; init; } = 3;
    /// <summary>TFTP retransmission (DOCSIS MULPI: 1, 2, 4, 8, 16 s) before the transfer fails.</summary>
    public IReadOnlyList<TimeSpan> TftpRetransmissions { get; init; } = Seconds(1, 2, 4, 8, 16);
    /// <summary>HTTP response timeout.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>SNMP INFORM timeout and retries (RFC 3413 defaults: 15 s? PKT-PROV1.5 leaves it to the implementation).</summary>
    public TimeSpan InformTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public int InformRetries { get; init; } = 3;
    /// <summary>After a failed step that "restarts with eUE-1", the pause before it does.</summary>
    public TimeSpan RestartDelay { get; init; } = TimeSpan.FromSeconds(2);

    public static IReadOnlyList<TimeSpan> Seconds(params double[] values) => [.. values.Select(TimeSpan.FromSeconds)];

    /// <summary>The n-th pause of a schedule, repeating the last one beyond its end.</summary>
    public static TimeSpan At(IReadOnlyList<TimeSpan> schedule, int attempt) => schedule[Math.Min(attempt, schedule.Count - 1)];
}
