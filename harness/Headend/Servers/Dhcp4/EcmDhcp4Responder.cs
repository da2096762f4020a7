using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// The DOCSIS DHCPv4 server seen from the E-UE (EUE-PROV 6.2.8.1, Table 2). Besides the lease and the
/// DOCSIS file, it hands on what the eUE needs, each only when the eCM asked for it (CM2: "include the
/// requested" options): option 122 with the eUE's DHCPv4 servers when option 55 lists 122; inside option
/// 125 (CableLabs), CL_V4OPTION_CCCV6 with the eUE's DSS_IDs when CL_V4OPTION_ORO lists 123, and
/// CL_V4OPTION_IP_PREF when it lists 124 and both server options are sent (CM2: then it MUST be sent).
/// ToD servers (option 4) and the time offset (option 2) always go out when configured (6.2.8.1: MUST in
/// Secure deployments, SHOULD otherwise).
/// </summary>
public sealed class EcmDhcp4Responder(ProvisioningDatabase database) : Dhcp4ResponderBase(database)
{
    public override string Service => "ecm-dhcpv4";

    protected override Dhcp4Client? FindClient(DhcpMessage request) =>
        Database.FindEcm(request.ClientHardwareAddress) is { } ecm ? new Dhcp4Client(ecm.Mac, ecm.Ipv4Addresses, StandingOmissions.From(ecm.OmitOptions)) : null;

    protected override IReadOnlyList<DhcpServerIdentity> Identities(Dhcp4Client client) => Database.EcmServers;

    protected override DhcpServerIdentity? FindIdentity(string name) =>
        Database.EcmServers.FirstOrDefault(s => s.Name == name) ?? Database.FindEueServer(name);

    EcmRecord Record(Dhcp4Client client) => Database.FindEcm(client.Mac)!;

    protected override (IPAddress? SiAddr, string? File) Boot(Dhcp4Client client)
    {
        var ecm = Record(client);
        return (ecm.TftpServers.V4().FirstOrDefault(), ecm.ConfigFileName);
    }

    protected override IEnumerable<DhcpOption> Options(DhcpMessage request, Dhcp4Client client, DhcpServerIdentity identity, IPAddress? yiaddr)
    {
        var ecm = Record(client);
        foreach (var o in LeaseOptions(yiaddr, Database.Network.DnsServers)) yield return o;
        if (ecm.TimeOffset is { } offset) yield return DhcpOption.FromInt32(DhcpOptionCode.TimeOffset, offset);
        if (ecm.TodServers.V4() is { Count: > 0 } tod) yield return DhcpOption.FromAddresses(DhcpOptionCode.TimeServer, tod);
        if (ecm.SyslogServers.V4() is { Count: > 0 } log) yield return DhcpOption.FromAddresses(DhcpOptionCode.LogServer, log);

        // Table 2 CM1/CM2: 122 is requested in option 55, CCCV6 and IP_PREF in CL_V4OPTION_ORO.
        bool wants122 = request.ParameterRequestList?.Contains(DhcpOptionCode.CableLabsClientConfiguration) == true;
        var oro = request.CableLabsV4?.Oro ?? [];
        bool send122 = wants122 && ecm.EueDhcpV4Primary is not null;
        bool sendCccv6 = oro.Contains(CableLabsV4Options.Cccv6Code) && ecm.EueDssIdPrimary is not null;
        if (send122)
            yield return ClientConfiguration.Create(ecm.EueDhcpV4Primary, ecm.EueDhcpV4Secondary).ToOption();
        // CM2: with both options the server MUST also say which mode; with no preference configured,
        // IPv6 is what Table 4 makes of "both, no preference", so saying it changes nothing.
        IpPreference? pref = send122 && sendCccv6 ? ecm.EueIpPreference ?? IpPreference.Ipv6 : null;
        if (sendCccv6 || pref is not null)
            yield return CableLabsV4Options.Create(cccv6: sendCccv6 ? Cccv6DssIds.Create(ecm.EueDssIdPrimary!.Value, ecm.EueDssIdSecondary) : null, ipPref: pref).ToOption();
    }
}
