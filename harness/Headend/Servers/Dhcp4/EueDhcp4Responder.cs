using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Headend.Servers.Provisioning;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// The eUE's DHCPv4 servers (EUE-PROV 6.2.2, 6.3.3, PKT-PROV1.5 MTA-1 to MTA-4): every identity that
/// answers the eUE offers, each with its own server identifier, so the eUE's filtering on option 122
/// sub-options 1/2 (6.3.2.2) can be tested. Option 122 carries the provisioning server (sub-option 3;
/// 0.0.0.0 to disable the eUE), the realm that selects the flow (6), and the Kerberos timers and flags
/// when configured (4, 5, 7, 8, 9); option 7 the syslog servers; the Basic flow's file name and TFTP
/// server go in 'file' and siaddr. The FQDN goes back in option 81 when the client sent one (RFC 4702),
/// else as options 12 and 15; on ACK the A record is added to DNS (6.2.2).
/// </summary>
public sealed class EueDhcp4Responder(ProvisioningDatabase database, IDnsRegistrar? dns = null, IEueBindingRegistrar? bindings = null) : Dhcp4ResponderBase(database)
{
    public override string Service => "eue-dhcpv4";

    protected override Dhcp4Client? FindClient(DhcpMessage request) =>
        Database.FindEue(request.ClientHardwareAddress) is { } eue ? new Dhcp4Client(eue.Mac, eue.Ipv4Addresses, StandingOmissions.From(eue.OmitOptions)) : null;

    protected override IReadOnlyList<DhcpServerIdentity> Identities(Dhcp4Client client) =>
        [.. Database.EueServersFor(Record(client)).Where(i => i.Ipv4 is not null)];

    protected override DhcpServerIdentity? FindIdentity(string name) => Database.FindEueServer(name);

    EueRecord Record(Dhcp4Client client) => Database.FindEue(client.Mac)!;

    protected override (IPAddress? SiAddr, string? File) Boot(Dhcp4Client client)
    {
        var eue = Record(client);
        return eue.Flow == ProvisioningFlow.Basic ? (eue.TftpServers.V4().FirstOrDefault(), eue.ConfigFileName) : (null, null);
    }

    protected override IEnumerable<DhcpOption> Options(DhcpMessage request, Dhcp4Client client, DhcpServerIdentity identity, IPAddress? yiaddr)
    {
        var eue = Record(client);
        foreach (var o in LeaseOptions(yiaddr, eue.DnsServers.Count > 0 ? eue.DnsServers : Database.Network.DnsServers)) yield return o;
        if (eue.SyslogServers.V4() is { Count: > 0 } log) yield return DhcpOption.FromAddresses(DhcpOptionCode.LogServer, log);
        foreach (var o in FqdnOptions(request, eue)) yield return o;
        yield return ClientConfigurationFor(eue).ToOption();
    }

    static ClientConfiguration ClientConfigurationFor(EueRecord eue)
    {
        ProvisioningServerAddress? prov = eue.Disable ? ProvisioningServerAddress.FromAddress(IPAddress.Any)
            : eue.ProvisioningServerFqdn is { } fqdn ? ProvisioningServerAddress.FromFqdn(fqdn)
            : eue.ProvisioningServerAddress?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? ProvisioningServerAddress.FromAddress(eue.ProvisioningServerAddress)
            : null;
        return ClientConfiguration.Create(provisioningServer: prov, asReqBackoff: eue.AsReqBackoff, apReqBackoff: eue.ApReqBackoff,
            kerberosRealm: eue.EffectiveRealm, ticketGrantingServerUtilization: eue.TicketGrantingServerUtilization,
            provisioningTimer: eue.ProvisioningTimer, securityTicketControl: (SecurityTicketControl?)eue.SecurityTicketControl);
    }

    /// <summary>
    /// RFC 4702 §3.2: the server answers option 81 with its own, S=1 when it updates the A record, O=1
    /// when that overrides the client's S, E as the client sent it; without option 81, host and domain names.
    /// </summary>
    static IEnumerable<DhcpOption> FqdnOptions(DhcpMessage request, EueRecord eue)
    {
        if (eue.Fqdn is not { } fqdn) yield break;
        if (ClientFqdnOption.From(request) is { } asked)
        {
            var flags = ClientFqdnFlags.S | (asked.Flags & ClientFqdnFlags.E);
            if (!asked.S) flags |= ClientFqdnFlags.O;
            yield return new ClientFqdnOption(flags, fqdn.TrimEnd('.'), true).ToOption();
            yield break;
        }
        int dot = fqdn.IndexOf('.');
        yield return DhcpOption.FromString(DhcpOptionCode.HostName, dot < 0 ? fqdn : fqdn[..dot]);
        if (dot > 0) yield return DhcpOption.FromString(DhcpOptionCode.DomainName, fqdn[(dot + 1)..].TrimEnd('.'));
    }

    protected override void OnBound(Dhcp4Client client, IPAddress address, DhcpMessage request)
    {
        var fqdn = Record(client).Fqdn;
        if (fqdn is not null) dns?.Register(fqdn, address);
        bindings?.Bound(client.Mac, address, fqdn);
    }
}
