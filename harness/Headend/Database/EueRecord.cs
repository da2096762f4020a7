using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Database;

/// <summary>
/// What the eUE's DHCP, DNS and configuration servers know about one eUE (EUE-PROV 6.2.2 to 6.2.7):
/// the flow its realm selects (Basic, Hybrid, Secure: the realm in 122.6 / CCCV6.6, Table 5 fork note),
/// its addresses and FQDN, the provisioning server (122.3 / CCCV6.3, PROV_SNMP_ENTITY), syslog
/// servers, and the configuration file it fetches.
/// </summary>
public sealed record EueRecord
{
    public required PhysicalAddress Mac { get; init; }
    public ProvisioningFlow Flow { get; init; } = ProvisioningFlow.Secure;

    /// <summary>The Kerberos realm; BASIC.1 / HYBRID.1 by default for those flows (a Secure realm must be named).</summary>
    public string? Realm { get; init; }
    public string EffectiveRealm => Realm ?? Flow switch
    {
        ProvisioningFlow.Basic => "BASIC.1",
        ProvisioningFlow.Hybrid => "HYBRID.1",
        _ => throw new InvalidOperationException($"the Secure flow needs a realm for eUE {Mac}"),
    };

    /// <summary>Addresses to lease in turn: after a DECLINE (eUE-4 DAD failure) the next one is offered.</summary>
    public IReadOnlyList<IPAddress> Ipv4Addresses { get; init; } = [];
    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];

    /// <summary>The eUE's FQDN, handed out in option 81 / OPTION_FQDN (39) and added to DNS on lease (6.2.2).</summary>
    public string? Fqdn { get; init; }
    /// <summary>Resolvers for this eUE; empty: the network's.</summary>
    public IReadOnlyList<IPAddress> DnsServers { get; init; } = [];

    /// <summary>The provisioning server (SNMP entity) as an FQDN, or as an address; neither: not sent.</summary>
    public string? ProvisioningServerFqdn { get; init; }
    public IPAddress? ProvisioningServerAddress { get; init; }
    /// <summary>eUE-2: a server told to disable the eUE sends "0.0.0.0" as CCCV6 sub-option 3 (and 0.0.0.0 in 122.3).</summary>
    public bool Disable { get; init; }

    /// <summary>Option 7 / CL_OPTION_SYSLOG_SERVERS (34).</summary>
    public IReadOnlyList<IPAddress> SyslogServers { get; init; } = [];

    /// <summary>The configuration file's name on the Configuration Server (TFTP and HTTP).</summary>
    public string? ConfigFileName { get; init; }
    /// <summary>Basic flow: siaddr (IPv4) / CL_OPTION_TFTP_SERVERS (IPv6).</summary>
    public IReadOnlyList<IPAddress> TftpServers { get; init; } = [];
    /// <summary>Hybrid/Secure flows: the URL the provisioning server SETs in pktcMtaDevConfigFile (eUE-19).</summary>
    public string? ConfigFileUrl { get; init; }

    /// <summary>122.4 / CCCV6.4, 122.5 / CCCV6.5, 122.7 / CCCV6.7, 122.8 / CCCV6.8, 122.9 / CCCV6.9, when set.</summary>
    public KerberosBackoff? AsReqBackoff { get; init; }
    public KerberosBackoff? ApReqBackoff { get; init; }
    public bool? TicketGrantingServerUtilization { get; init; }
    public byte? ProvisioningTimer { get; init; }
    public ushort? SecurityTicketControl { get; init; }

    /// <summary>Which of the database's eUE DHCP server identities answer this eUE; empty: all of them.</summary>
    public IReadOnlyList<string> AnsweredBy { get; init; } = [];

    /// <summary>Option paths (see <see cref="Overrides.OptionPath"/>) this device's replies leave out.</summary>
    public IReadOnlyList<string> OmitOptions { get; init; } = [];

    public bool AllowRapidCommit { get; init; } = true;
}
