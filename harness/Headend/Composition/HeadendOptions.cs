namespace EUeConformance.Headend.Composition;

/// <summary>The headend's services, as flags: a scenario starts only what it needs.</summary>
[Flags]
public enum HeadendServices
{
    None = 0,
    Dhcp4 = 1,
    Dhcp6 = 2,
    Dns = 4,
    Tftp = 8,
    Http = 16,
    Syslog = 32,
    TimeOfDay = 64,
    RouterAdvertiser = 128,
    /// <summary>The Provisioning Server's SNMP entity (UDP 162 and its own manager port).</summary>
    ProvisioningServer = 256,
    All = Dhcp4 | Dhcp6 | Dns | Tftp | Http | Syslog | TimeOfDay | RouterAdvertiser | ProvisioningServer,
}

/// <summary>How a <see cref="Headend"/> is started.</summary>
public sealed record HeadendOptions
{
    public HeadendServices Services { get; init; } = HeadendServices.All;
    /// <summary>RFC 868 over TCP as well as UDP.</summary>
    public bool TimeOverTcp { get; init; } = true;
    /// <summary>The HTTP port of the Configuration Server.</summary>
    public int HttpPort { get; init; } = 80;
    public Protocols.Tftp.TftpServerPolicy TftpPolicy { get; init; } = new();
    /// <summary>Seeds the servers' own random choices (SNMP msgID and request-id starting points), so a simulation repeats byte for byte.</summary>
    public int Seed { get; init; }
    /// <summary>UDP ports of the TLV 38 management stations (<see cref="Servers.Provisioning.NotificationCollector"/>); empty: none.</summary>
    public IReadOnlyList<int> NotificationReceiverPorts { get; init; } = [];
}
