using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Device.Ecm;

/// <summary>What the eCM decides about its eUE after registration (EUE-PROV 6.3.2.1, Table 4).</summary>
public enum EueInitializationOutcome
{
    /// <summary>Start the eUE in IPv4 mode with the DHCPv4 servers given.</summary>
    StartIpv4,
    /// <summary>Start the eUE in IPv6 mode with the DSS_IDs given.</summary>
    StartIpv6,
    /// <summary>No usable option: the eUE stays dormant until the eCM reinitialises it.</summary>
    Dormant,
    /// <summary>The options say explicitly not to provision (0.0.0.0, or DSS_ID 00000000).</summary>
    Shutdown,
}

/// <summary>The decision and what it is based on; relayed to the eUE when it starts (6.3.2.1 ¶15).</summary>
public sealed record EueInitialization(EueInitializationOutcome Outcome, string Reason, EueProvisioningOptions Options)
{
    public bool Starts => Outcome is EueInitializationOutcome.StartIpv4 or EueInitializationOutcome.StartIpv6;
    public IpAddressingMode? Mode => Outcome switch
    {
        EueInitializationOutcome.StartIpv4 => IpAddressingMode.Ipv4,
        EueInitializationOutcome.StartIpv6 => IpAddressingMode.Ipv6,
        _ => null,
    };
}

/// <summary>
/// EUE-PROV 6.3.2.1 Table 4: from what the eCM asked for and what the authoritative ACK/REPLY gave, whether
/// the eUE starts and in which mode. Overridable so that a mutant can decide otherwise.
/// </summary>
public class EueInitializationPolicy
{
    public virtual EueInitialization Decide(EueOptionRequest requested, EueProvisioningOptions given)
    {
        // EUE-PROV 6.3.2 ¶1: only the options that were requested are considered.
        bool v4 = requested.Dhcpv4Servers && given.HasDhcpv4Servers;
        bool v6 = requested.Dhcpv6DssIds && given.HasDhcpv6DssIds;
        byte? preference = requested.Both ? given.IpPreference : null;

        // Table 4, rows with a preference: the preferred mode wins when its servers were given.
        if (preference == 1 && v4) return Ipv4(given, "Table 4: preference IPv4 with eUE DHCPv4 servers");
        if (preference == 2 && v6) return Ipv6(given, "Table 4: preference IPv6 with eUE DSS_IDs");
        // Table 4, rows without a usable preference: both given → IPv6; one given → that one; none → dormant.
        if (v4 && v6) return Ipv6(given, "Table 4: no preference, both eUE DHCPv4 servers and DSS_IDs: IPv6");
        if (v4) return Ipv4(given, "Table 4: eUE DHCPv4 server address(es) only");
        if (v6) return Ipv6(given, "Table 4: eUE DSS_ID(s) only");
        return new(EueInitializationOutcome.Dormant, "Table 4: neither eUE DHCPv4 servers nor DSS_IDs: the eUE stays dormant", given);
    }

    // EUE-PROV 6.3.2.2, PKT-PROV1.5: 0.0.0.0 as the primary eUE DHCPv4 server is the explicit shutdown indicator.
    EueInitialization Ipv4(EueProvisioningOptions given, string reason) =>
        IPAddress.Any.Equals(given.Dhcpv4Primary)
            ? new(EueInitializationOutcome.Shutdown, reason + ", but the primary server is 0.0.0.0: do not provision", given)
            : new(EueInitializationOutcome.StartIpv4, reason, given);

    // EUE-PROV 6.3.2.2, 6.4.1.2, 6.4.1.4: a primary DSS_ID of four zero octets is read like 0.0.0.0: do not provision.
    EueInitialization Ipv6(EueProvisioningOptions given, string reason) =>
        given.DssIdPrimary is { Kind: DssIdKind.DoNotProvision }
            ? new(EueInitializationOutcome.Shutdown, reason + ", but the primary DSS_ID is 00000000: do not provision", given)
            : new(EueInitializationOutcome.StartIpv6, reason, given);
}
