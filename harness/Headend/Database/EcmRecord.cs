using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Database;

/// <summary>
/// What the eCM DHCP server knows about one eCM (EUE-PROV 6.2.8.1, Table 2, Table 3): its leases, and
/// the PacketCable options it hands on for the eUE: the eUE's DHCPv4 servers (option 122 sub-options
/// 1/2, or CL_OPTION_CCC), its DHCPv6 DSS_IDs (CL_V4OPTION_CCCV6 or CL_OPTION_CCCV6), the IP mode
/// preference (CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF), and the ToD server and time offset that the
/// Secure flow needs (6.2.8.1: MUST in Secure deployments).
/// </summary>
public sealed record EcmRecord
{
    public required PhysicalAddress Mac { get; init; }

    /// <summary>Addresses to lease in turn: the first that has not been declined is offered.</summary>
    public IReadOnlyList<IPAddress> Ipv4Addresses { get; init; } = [];
    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    /// <summary>Option 122 sub-option 1 / CL_OPTION_CCC sub-option 1. 0.0.0.0 shuts the eUE down, 255.255.255.255 accepts any server (6.3.2.2).</summary>
    public IPAddress? EueDhcpV4Primary { get; init; }
    public IPAddress? EueDhcpV4Secondary { get; init; }
    /// <summary>CL_V4OPTION_CCCV6 / CL_OPTION_CCCV6 sub-option 1. 00000000 shuts the eUE down, FFFFFFFF accepts any server (6.4.1.2).</summary>
    public DssId? EueDssIdPrimary { get; init; }
    public DssId? EueDssIdSecondary { get; init; }
    /// <summary>CL_V4OPTION_IP_PREF / CL_OPTION_IP_PREF; Table 2 CM2: MUST be sent when both server options are.</summary>
    public IpPreference? EueIpPreference { get; init; }

    /// <summary>Option 4 and CL_OPTION_RFC868_SERVERS (37), by address family.</summary>
    public IReadOnlyList<IPAddress> TodServers { get; init; } = [];
    /// <summary>Option 2 and CL_OPTION_TIME_OFFSET (38), seconds east of UTC.</summary>
    public int? TimeOffset { get; init; }
    public IReadOnlyList<IPAddress> SyslogServers { get; init; } = [];

    /// <summary>The DOCSIS configuration file: 'file' and siaddr in DHCPv4, CL options 33 and 32 in DHCPv6.</summary>
    public string? ConfigFileName { get; init; }
    public IReadOnlyList<IPAddress> TftpServers { get; init; } = [];

    /// <summary>Option paths (see <see cref="Overrides.OptionPath"/>) this device's replies leave out.</summary>
    public IReadOnlyList<string> OmitOptions { get; init; } = [];

    /// <summary>RFC 3315 §17.2.1: answer a SOLICIT with Rapid Commit by a REPLY (when the client asks).</summary>
    public bool AllowRapidCommit { get; init; } = true;
}
