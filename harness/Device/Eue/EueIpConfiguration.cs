using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue;

/// <summary>Where the Provisioning Server (PROV_SNMP_ENTITY) is: 122.3 / CCCV6.3, an FQDN or an address.</summary>
public sealed record ProvisioningServerLocation(string? Fqdn, IPAddress? Address)
{
    public override string ToString() => Fqdn ?? Address?.ToString() ?? "(none)";
}

/// <summary>
/// What the eUE's DHCP process ended with, whichever the mode: its address, the servers it uses
/// (DNS, syslog: the ones 6.3.5 lets renewals change), its FQDN, and the PacketCable configuration
/// (realm → flow, provisioning server, provisioning timer, the Basic flow's config file location).
/// </summary>
public sealed record EueIpConfiguration
{
    public required IpAddressingMode Mode { get; init; }
    public required IPAddress Address { get; init; }
    public int PrefixLength { get; init; }
    public IReadOnlyList<IPAddress> Routers { get; init; } = [];
    public IPAddress? SubnetMask { get; init; }
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];
    /// <summary>6.1.6: of several syslog servers the first is the one used.</summary>
    public IReadOnlyList<IPAddress> SyslogServers { get; init; } = [];
    public string? Fqdn { get; init; }
    public string? KerberosRealm { get; init; }
    public ProvisioningFlow? Flow { get; init; }
    public ProvisioningServerLocation? ProvisioningServer { get; init; }
    /// <summary>122.8 / CCCV6.8, minutes (0 disables the timer).</summary>
    public byte? ProvisioningTimerMinutes { get; init; }
    /// <summary>Basic flow: the TFTP server(s) (siaddr; CL_OPTION_TFTP_SERVERS) and file (file field; CL_OPTION_CONFIG_FILE_NAME).</summary>
    public IReadOnlyList<IPAddress> TftpServers { get; init; } = [];
    public string? ConfigFileName { get; init; }
    /// <summary>The authoritative DHCP reply (ACK or REPLY) this came from.</summary>
    public required object Reply { get; init; }
}
