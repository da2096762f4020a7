namespace EUeConformance.Device.Options;

/// <summary>Which of the two MTA MIB arcs the eUE's provisioning notifications and objects use.</summary>
public enum MtaMibVariant
{
    /// <summary>PKTC-IETF-MTA-MIB (RFC 4682, 1.3.6.1.2.1.140): its realm table is indexed by number, as 6.4.2.1 bullet 4 describes.</summary>
    Ietf,
    /// <summary>The CableLabs PKTC-MTA-MIB (1.3.6.1.4.1.4491.2.2.1), PacketCable 1.5's own.</summary>
    CableLabs,
}

/// <summary>
/// The eUE's SNMP side (pkt-eue-4, 6.1.4; 6.5): the communities of the Hybrid flow's SNMPv2c (PKT-PROV1.5
/// leaves their values to the operator, so they are IXIT, not spec), which MTA MIB arc it speaks, and how
/// its INFORMs are retransmitted (RFC 3413 leaves timeouts to the application).
/// </summary>
public sealed record ManagementOptions
{
    public string ReadCommunity { get; init; } = "public";
    public string WriteCommunity { get; init; } = "private";
    /// <summary>The eCM's read-write community (docsDevResetNow): the IXIT's reset community.</summary>
    public string EcmWriteCommunity { get; init; } = "private";
    /// <summary>The community of the INFORMs the eUE sends (enrollment, provisioning status).</summary>
    public string NotificationCommunity { get; init; } = "public";
    public MtaMibVariant MibVariant { get; init; } = MtaMibVariant.Ietf;
    public TimeSpan InformTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public int InformRetries { get; init; } = 3;
    /// <summary>The UDP port the eUE's agent answers on, and the notification port of its targets.</summary>
    public int AgentPort { get; init; } = 161;
    public int NotificationPort { get; init; } = 162;
}
