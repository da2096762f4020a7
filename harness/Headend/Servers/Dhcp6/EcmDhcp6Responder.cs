using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// The DOCSIS DHCPv6 server seen from the E-UE (EUE-PROV Table 3). In OPTION_VENDOR_OPTS (CableLabs) it
/// sends what the eCM's CL_OPTION_ORO asks for (CM2v6: "MUST include the requested" options): CL_OPTION_CCC
/// with the eUE's DHCPv4 servers, CL_OPTION_CCCV6 with the eUE's DSS_IDs in sub-options 1 and 2 (6.4.1.4:
/// sub-option 1 is the primary server's), and CL_OPTION_IP_PREF whenever both go out (CM2v6: MUST). The
/// DOCSIS file (CL options 32, 33), time servers and offset (37, 38; 6.2.8.1) and syslog servers (34) go
/// out when configured.
/// </summary>
public sealed class EcmDhcp6Responder(ProvisioningDatabase database) : Dhcp6ResponderBase(database)
{
    public override string Service => "ecm-dhcpv6";

    protected override Dhcp6Client? FindClient(PhysicalAddress mac) =>
        Database.FindEcm(mac) is { } ecm ? new Dhcp6Client(ecm.Mac, ecm.Ipv6Addresses, StandingOmissions.From(ecm.OmitOptions), ecm.AllowRapidCommit) : null;

    protected override IReadOnlyList<DhcpServerIdentity> Identities(Dhcp6Client client) => Database.EcmServers;

    protected override DhcpServerIdentity? FindIdentity(string name) =>
        Database.EcmServers.FirstOrDefault(s => s.Name == name) ?? Database.FindEueServer(name);

    protected override IEnumerable<Dhcp6Option> Options(Dhcp6Message request, Dhcp6Client client, DhcpServerIdentity identity, IPAddress? address)
    {
        var ecm = Database.FindEcm(client.Mac)!;
        foreach (var o in ResolverOptions(request, Database.Network.DnsServers)) yield return o;
        var oro = request.CableLabs?.OptionRequest ?? [];
        var cl = new List<Dhcp6Option>();
        if (ecm.TftpServers.V6() is { Count: > 0 } tftp) cl.Add(ClOptions.TftpServers(tftp));
        if (ecm.ConfigFileName is { } file) cl.Add(ClOptions.ConfigFileName(file));
        if (ecm.SyslogServers.V6() is { Count: > 0 } log) cl.Add(ClOptions.SyslogServers(log));
        if (ecm.TodServers.V6() is { Count: > 0 } tod) cl.Add(ClOptions.Rfc868Servers(tod));
        if (ecm.TimeOffset is { } offset) cl.Add(ClOptions.TimeOffset(offset));
        bool sendCcc = oro.Contains(ClOptionCode.Ccc) && ecm.EueDhcpV4Primary is not null;
        bool sendCccv6 = oro.Contains(ClOptionCode.Cccv6) && ecm.EueDssIdPrimary is not null;
        if (sendCcc) cl.Add(ClOptions.Ccc(ClOptionCcc.Create(ecm.EueDhcpV4Primary!, ecm.EueDhcpV4Secondary)));
        if (sendCccv6) cl.Add(ClOptions.Cccv6(ClOptionCccv6.Create(primaryDssId: ecm.EueDssIdPrimary, secondaryDssId: ecm.EueDssIdSecondary)));
        // CM2v6: both options → IP_PREF MUST go too; unconfigured, IPv6 (Table 4's outcome for "no preference").
        if (sendCcc && sendCccv6) cl.Add(ClOptions.IpPref((byte)(ecm.EueIpPreference ?? Protocols.Dhcp4.IpPreference.Ipv6)));
        if (cl.Count > 0) yield return Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, cl);
    }
}
