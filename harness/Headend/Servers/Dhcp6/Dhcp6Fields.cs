using System.Globalization;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>A DHCPv6 message's fields for evidence, under Wireshark's names (packet-dhcpv6.c); a relay message also gets its client message's.</summary>
public static class Dhcp6Fields
{
    public static IReadOnlyDictionary<string, string> Of(Dhcp6Message m)
    {
        var f = new Dictionary<string, string>();
        Add(f, m, "");
        if (m.IsRelay)
        {
            f["dhcpv6.hopcount"] = m.HopCount.ToString(CultureInfo.InvariantCulture);
            f["dhcpv6.linkaddr"] = m.LinkAddress!.ToString();
            f["dhcpv6.peeraddr"] = m.PeerAddress!.ToString();
            try
            {
                var (client, _) = RelayChain.Unwrap(m);
                Add(f, client, "relayed.");
            }
            catch (Exception e) when (e is ParseError or InvalidOperationException) { }
        }
        return f;
    }

    static void Add(Dictionary<string, string> f, Dhcp6Message m, string prefix)
    {
        f[prefix + "dhcpv6.msgtype"] = ((byte)m.Type).ToString(CultureInfo.InvariantCulture);
        if (!m.IsRelay) f[prefix + "dhcpv6.xid"] = $"0x{m.TransactionId:x6}";
        f[prefix + "dhcpv6.option.type"] = string.Join(',', m.Options.Select(o => o.Code.ToString(CultureInfo.InvariantCulture)));
        Try(f, prefix + "dhcpv6.duid.bytes", () => m.ClientId is { } c ? Convert.ToHexString(c.Bytes.Span) : null);
        Try(f, prefix + "dhcpv6.server_duid", () => m.ServerId is { } s ? Convert.ToHexString(s.Bytes.Span) : null);
        Try(f, prefix + "dhcpv6.iaaddr.ip", () => m.IaNa?.Addresses.FirstOrDefault()?.Address.ToString());
        Try(f, prefix + "dhcpv6.requested_option_code", () => m.OptionRequest is { } oro ? string.Join(',', oro) : null);
        Try(f, prefix + "dhcpv6.client_domain", () => m.ClientFqdn?.DomainName);
        Try(f, prefix + "dhcpv6.status_code", () => m.Status is { } s ? ((ushort)s.Code).ToString(CultureInfo.InvariantCulture) : null);
        Try(f, prefix + "dhcpv6.packetcable.cccV6.pri_dss_id", () => m.CableLabs?.Cccv6?.PrimaryDssId?.ToString());
        Try(f, prefix + "dhcpv6.packetcable.cccV6.kerberos_realm", () => m.CableLabs?.Cccv6?.KerberosRealm);
        Try(f, prefix + "dhcpv6.vendoropts.enterprise.option_code", () => m.CableLabs is { } cl ? string.Join(',', cl.Options.Select(o => o.Code)) : null);
        if (m.RapidCommit) f[prefix + "dhcpv6.rapid_commit"] = "1";
    }

    static void Try(Dictionary<string, string> f, string name, Func<string?> read)
    {
        try { if (read() is { } v) f[name] = v; }
        catch (ParseError) { }
    }
}
