using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// The eUE's DHCPv6 servers (EUE-PROV 6.3.4.3, Table 5 eUE-2 and eUE-4): every identity that answers the
/// eUE advertises, each with its own DUID and its own DSS_ID in CL_OPTION_CCCV6 sub-option 1 (6.4.1.4:
/// the responding server's identity; sub-option 2 MUST NOT go to the eUE, so it never does here unless an
/// override adds it). CCCV6 also carries PROV_SNMP_ENTITY (sub-option 3; "0.0.0.0" when the database
/// disables the eUE, eUE-2), the realm that selects the flow (6) and the Kerberos timers and flags (4, 5,
/// 7, 8, 9). The Basic flow's TFTP servers and file name are CL options 32 and 33; syslog servers 34.
/// OPTION_FQDN (RFC 4704 §5) answers the eUE's with its FQDN, S=1 (this server adds the AAAA, 6.2.2), O=1
/// when that overrides the client's S; on REPLY to a REQUEST the AAAA record goes into DNS.
/// </summary>
public sealed class EueDhcp6Responder(ProvisioningDatabase database, IDnsRegistrar? dns = null, IEueBindingRegistrar? bindings = null) : Dhcp6ResponderBase(database)
{
    public override string Service => "eue-dhcpv6";

    protected override Dhcp6Client? FindClient(PhysicalAddress mac) =>
        Database.FindEue(mac) is { } eue ? new Dhcp6Client(eue.Mac, eue.Ipv6Addresses, StandingOmissions.From(eue.OmitOptions), eue.AllowRapidCommit) : null;

    protected override IReadOnlyList<DhcpServerIdentity> Identities(Dhcp6Client client) => Database.EueServersFor(Record(client));

    protected override DhcpServerIdentity? FindIdentity(string name) => Database.FindEueServer(name);

    EueRecord Record(Dhcp6Client client) => Database.FindEue(client.Mac)!;

    protected override IEnumerable<Dhcp6Option> Options(Dhcp6Message request, Dhcp6Client client, DhcpServerIdentity identity, IPAddress? address)
    {
        var eue = Record(client);
        foreach (var o in ResolverOptions(request, eue.DnsServers.Count > 0 ? eue.DnsServers : Database.Network.DnsServers)) yield return o;
        if (Fqdn(request, eue) is { } fqdn) yield return fqdn;
        var cl = new List<Dhcp6Option>();
        if (eue.Flow == ProvisioningFlow.Basic)
        {
            if (eue.TftpServers.V6() is { Count: > 0 } tftp) cl.Add(ClOptions.TftpServers(tftp));
            if (eue.ConfigFileName is { } file) cl.Add(ClOptions.ConfigFileName(file));
        }
        if (eue.SyslogServers.V6() is { Count: > 0 } log) cl.Add(ClOptions.SyslogServers(log));
        cl.Add(ClOptions.Cccv6(Cccv6For(eue, identity)));
        yield return Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, cl);
    }

    static ClOptionCccv6 Cccv6For(EueRecord eue, DhcpServerIdentity identity)
    {
        ProvSnmpEntity? prov = eue.Disable ? ProvSnmpEntity.Shutdown
            : eue.ProvisioningServerFqdn is { } fqdn ? ProvSnmpEntity.FromFqdn(fqdn)
            : eue.ProvisioningServerAddress?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? ProvSnmpEntity.FromAddress(eue.ProvisioningServerAddress)
            : null;
        return ClOptionCccv6.Create(primaryDssId: identity.DssId, provSnmpEntity: prov, asReqAsRepBackoff: eue.AsReqBackoff,
            apReqApRepBackoff: eue.ApReqBackoff, kerberosRealm: eue.EffectiveRealm,
            tgtFlag: eue.TicketGrantingServerUtilization is { } tgt ? (byte)(tgt ? 1 : 0) : null,
            provisioningTimer: eue.ProvisioningTimer, ticketControl: eue.SecurityTicketControl);
    }

    static Dhcp6Option? Fqdn(Dhcp6Message request, EueRecord eue)
    {
        if (eue.Fqdn is not { } fqdn || request.ClientFqdn is not { } asked) return null;
        var flags = FqdnFlags.S | (asked.S ? FqdnFlags.None : FqdnFlags.O);
        return new ClientFqdn(flags, fqdn.TrimEnd('.'), true).ToOption();
    }

    protected override void OnBound(Dhcp6Client client, IPAddress address, Dhcp6Message request)
    {
        var fqdn = Record(client).Fqdn;
        if (fqdn is not null) dns?.Register(fqdn, address);
        bindings?.Bound(client.Mac, address, fqdn);
    }
}
