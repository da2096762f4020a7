using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Eue;

public enum RenewalAction
{
    /// <summary>Nothing the eUE uses changed (or only what it must ignore).</summary>
    Keep,
    /// <summary>New values taken in place, without reinitialising.</summary>
    Adopt,
    /// <summary>Start over from eUE-1.</summary>
    Reinitialize,
}

public sealed record RenewalDecision(RenewalAction Action, IReadOnlyList<string> Changes, EueIpConfiguration Configuration);

/// <summary>
/// EUE-PROV 6.3.5: what a renewal's ACK/REPLY may change. Overridable for mutants.
/// </summary>
public class RenewalPolicy
{
    /// <summary>6.3.5 ¶4: a new mask or router MAY be adopted or MAY reinitialise; the reference device adopts (its declaration).</summary>
    public virtual bool ReinitializeOnMaskOrRouterChange => false;

    public virtual RenewalDecision Decide(EueIpConfiguration current, EueIpConfiguration renewed)
    {
        var changes = new List<string>();
        // 6.3.5 ¶3 (v4: yiaddr) and ¶8 (v6: the IA_NA address): a new address means starting over from eUE-1.
        if (!current.Address.Equals(renewed.Address))
            return new(RenewalAction.Reinitialize, [$"address {current.Address} -> {renewed.Address}"], renewed);

        var adopted = current;
        if (current.Mode == Options.IpAddressingMode.Ipv4 &&
            (!Equals(current.SubnetMask, renewed.SubnetMask) || !current.Routers.SequenceEqual(renewed.Routers)))
        {
            changes.Add("subnet mask or router");
            if (ReinitializeOnMaskOrRouterChange) return new(RenewalAction.Reinitialize, changes, renewed);
            // 6.3.5 ¶4: taken in place.
            adopted = adopted with { SubnetMask = renewed.SubnetMask, Routers = renewed.Routers, PrefixLength = renewed.PrefixLength };
        }
        // 6.3.5 ¶5 (options 6/7) and ¶9 (option 23, CL_OPTION_SYSLOG_SERVERS): new DNS or syslog servers are used from now on.
        if (!current.DnsServers.SequenceEqual(renewed.DnsServers))
        {
            changes.Add("DNS servers");
            adopted = adopted with { DnsServers = renewed.DnsServers };
        }
        if (!current.SyslogServers.SequenceEqual(renewed.SyslogServers))
        {
            changes.Add("syslog servers");
            adopted = adopted with { SyslogServers = renewed.SyslogServers };
        }
        // 6.3.5 ¶6 and ¶10: everything else (file, siaddr, 12, 15, 122; CL 32/33, 20, 39, CCCV6) is ignored:
        // the configuration keeps its current values, only the reply is the renewal's.
        adopted = adopted with { Reply = renewed.Reply };
        return new(changes.Count > 0 ? RenewalAction.Adopt : RenewalAction.Keep, changes, adopted);
    }

    /// <summary>6.3.5 ¶11: RENEW/REBIND carry the last FQDN the eUE knows in OPTION_FQDN's domain name.</summary>
    public virtual ClientFqdn RenewalFqdn(string? lastKnownFqdn) =>
        new(FqdnFlags.S, lastKnownFqdn ?? "", !string.IsNullOrEmpty(lastKnownFqdn));
}
