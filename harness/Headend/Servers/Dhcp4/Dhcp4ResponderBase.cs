using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Headend.Servers.Dhcp4;

/// <summary>
/// The DHCPv4 exchange of RFC 2131 §4.3, shared by the eCM and eUE servers: DISCOVER → OFFER from each
/// identity that answers the client; REQUEST → ACK or NAK by the client's state (§4.3.2: SELECTING,
/// INIT-REBOOT, RENEWING/REBINDING); DECLINE marks the address (§4.3.3); RELEASE frees it; INFORM gets an
/// ACK without lease (§4.3.5). The ACK carries the same options as the OFFER (EUE-PROV Table 2 CM4: the
/// server MUST keep in the ACK every option of the OFFER). What goes in the options is the subclass's.
/// </summary>
public abstract class Dhcp4ResponderBase : IDhcp4Responder
{
    readonly ReplyComposer<DhcpMessage> _composer;

    protected Dhcp4ResponderBase(ProvisioningDatabase database)
    {
        Database = database;
        _composer = new ReplyComposer<DhcpMessage>(Overrides, Dhcp4Editor.Apply);
    }

    public ProvisioningDatabase Database { get; }
    public abstract string Service { get; }
    public OverrideSet Overrides { get; } = new();
    public LeaseTable Leases { get; } = new();

    public bool Serves(DhcpMessage request) => FindClient(request) is not null;

    protected abstract Dhcp4Client? FindClient(DhcpMessage request);

    /// <summary>The server identities that answer this client, in order (the first one answers INFORM, INIT-REBOOT and renewals of unknown origin).</summary>
    protected abstract IReadOnlyList<DhcpServerIdentity> Identities(Dhcp4Client client);

    /// <summary>Finds an identity by name for an <see cref="AnswerAs"/> override.</summary>
    protected abstract DhcpServerIdentity? FindIdentity(string name);

    /// <summary>The options after 53 and 54, for an OFFER or ACK (<paramref name="yiaddr"/> null for an INFORM's ACK).</summary>
    protected abstract IEnumerable<DhcpOption> Options(DhcpMessage request, Dhcp4Client client, DhcpServerIdentity identity, IPAddress? yiaddr);

    /// <summary>siaddr and file (the Basic flow's TFTP server and file name; DOCSIS's for the eCM).</summary>
    protected virtual (IPAddress? SiAddr, string? File) Boot(Dhcp4Client client) => (null, null);

    protected virtual void OnBound(Dhcp4Client client, IPAddress address, DhcpMessage request) { }

    protected Ipv4Plan Plan => Database.Network.Ipv4 ?? throw new InvalidOperationException("the database has no IPv4 network plan (network: ipv4:)");

    public static string KindOf(DhcpMessage m) => m.MessageType?.ToString().ToUpperInvariant() ?? "BOOTP";

    public Decision<DhcpMessage> Decide(DhcpMessage request, Dhcp4Context context)
    {
        if (request.Op != BootOp.BootRequest) return Decision<DhcpMessage>.Nothing("not a BOOTREQUEST: servers answer only client messages");
        var client = FindClient(request);
        if (client is null) return Decision<DhcpMessage>.Nothing($"{Convert.ToHexString(request.ClientHardwareAddress)} is not in the database");
        return _composer.Compose(KindOf(request), client.Mac, notes => Drafts(request, client, context, notes), standing: client.Standing);
    }

    IReadOnlyList<ReplyDraft<DhcpMessage>> Drafts(DhcpMessage request, Dhcp4Client client, Dhcp4Context context, List<string> notes)
    {
        var identities = Identities(client);
        if (identities.Count == 0) { notes.Add("no server identity answers this client"); return []; }
        var expires = context.Now.AddSeconds(Plan.LeaseTime);
        switch (request.MessageType)
        {
            case DhcpMessageType.Discover:
            {
                var address = Leases.Choose(client.Key, client.Addresses);
                if (address is null) { notes.Add("no address left to offer (all declined or taken)"); return []; }
                Leases.Offer(client.Key, address, identities[0].Name, expires);
                return [.. identities.Select(i => Draft(request, client, DhcpMessageType.Offer, i.Name, address))];
            }
            case DhcpMessageType.Request:
                return RequestDrafts(request, client, identities, expires, notes);
            case DhcpMessageType.Decline:
            {
                var address = request.RequestedIpAddress ?? request.CiAddr;
                Leases.Decline(client.Key, address);
                notes.Add($"{address} declined by the client: not offered to it again");
                return [];
            }
            case DhcpMessageType.Release:
                Leases.Release(client.Key);
                notes.Add("lease released");
                return [];
            case DhcpMessageType.Inform:
                return [Draft(request, client, DhcpMessageType.Ack, identities[0].Name, null)];
            default:
                notes.Add($"{KindOf(request)} is not a message a server answers");
                return [];
        }
    }

    IReadOnlyList<ReplyDraft<DhcpMessage>> RequestDrafts(DhcpMessage request, Dhcp4Client client, IReadOnlyList<DhcpServerIdentity> identities,
        DateTimeOffset expires, List<string> notes)
    {
        var lease = Leases.Find(client.Key);
        var expected = Leases.Choose(client.Key, client.Addresses);
        if (request.ServerIdentifier is { } chosen)
        {
            // SELECTING (§4.3.2): only the chosen server answers; the others drop their offer.
            var identity = identities.FirstOrDefault(i => chosen.Equals(i.Ipv4));
            if (identity is null)
            {
                notes.Add($"the client chose server {chosen}, not one of ours");
                if (lease is { State: LeaseState.Offered }) Leases.Release(client.Key);
                return [];
            }
            if (expected is not null && expected.Equals(request.RequestedIpAddress))
            {
                Leases.Bind(client.Key, expected, identity.Name, expires);
                OnBound(client, expected, request);
                return [Draft(request, client, DhcpMessageType.Ack, identity.Name, expected)];
            }
            notes.Add($"requested {request.RequestedIpAddress?.ToString() ?? "no address"}, offered {expected?.ToString() ?? "none"}");
            return [Draft(request, client, DhcpMessageType.Nak, identity.Name, null)];
        }
        var holder = identities.FirstOrDefault(i => i.Name == lease?.Identity) ?? identities[0];
        var asked = !request.CiAddr.Equals(IPAddress.Any) ? request.CiAddr : request.RequestedIpAddress;
        if (asked is null) { notes.Add("REQUEST without server identifier, requested address or ciaddr"); return []; }
        if (expected is not null && expected.Equals(asked))
        {
            // INIT-REBOOT, RENEWING or REBINDING with the right address.
            Leases.Bind(client.Key, expected, holder.Name, expires);
            OnBound(client, expected, request);
            return [Draft(request, client, DhcpMessageType.Ack, holder.Name, expected)];
        }
        notes.Add($"the client asks for {asked}, its address is {expected?.ToString() ?? "none"}");
        return [Draft(request, client, DhcpMessageType.Nak, holder.Name, null)];
    }

    ReplyDraft<DhcpMessage> Draft(DhcpMessage request, Dhcp4Client client, DhcpMessageType type, string identityName, IPAddress? yiaddr) =>
        new(type.ToString().ToUpperInvariant(), identityName,
            name => Build(request, client, type, Identity(name), yiaddr),
            Dhcp4Destination.For(request, type),
            name => Identity(name).Ipv4);

    DhcpServerIdentity Identity(string? name) =>
        (name is null ? null : FindIdentity(name)) ?? throw new InvalidOperationException($"no DHCP server identity named '{name}' in the database");

    DhcpMessage Build(DhcpMessage request, Dhcp4Client client, DhcpMessageType type, DhcpServerIdentity identity, IPAddress? yiaddr)
    {
        var serverId = identity.Ipv4 ?? throw new InvalidOperationException($"server identity '{identity.Name}' has no IPv4 address");
        if (type == DhcpMessageType.Nak)
            return DhcpMessage.ReplyTo(request, type, serverId, options: RelayEcho(request));
        var (siaddr, file) = yiaddr is null ? (null, null) : Boot(client);
        var reply = DhcpMessage.ReplyTo(request, type, serverId, yiaddr, [.. Options(request, client, identity, yiaddr), .. RelayEcho(request)], siaddr);
        return file is null ? reply : reply with { File = DhcpMessage.FieldOf(file, Dhcp4Protocol.FileLength) };
    }

    /// <summary>RFC 3046 §2.2: the server copies the relay agent information option into its reply, last.</summary>
    static IEnumerable<DhcpOption> RelayEcho(DhcpMessage request) =>
        request.GetOption(DhcpOptionCode.RelayAgentInformation) is { } o ? [o] : [];

    /// <summary>Lease timers and addressing every lease carries: 51, 58, 59, 1, 3, 6 (RFC 2131 §4.3.1, RFC 2132).</summary>
    protected IEnumerable<DhcpOption> LeaseOptions(IPAddress? yiaddr, IEnumerable<IPAddress> dnsServers)
    {
        if (yiaddr is not null)
        {
            yield return DhcpOption.LeaseTime(Plan.LeaseTime);
            yield return DhcpOption.FromUInt32(DhcpOptionCode.RenewalTimeValue, Plan.T1);
            yield return DhcpOption.FromUInt32(DhcpOptionCode.RebindingTimeValue, Plan.T2);
        }
        yield return DhcpOption.FromAddress(DhcpOptionCode.SubnetMask, Plan.SubnetMask);
        if (Plan.Router is { } router) yield return DhcpOption.FromAddresses(DhcpOptionCode.Router, router);
        var dns = dnsServers.V4();
        if (dns.Count > 0) yield return DhcpOption.FromAddresses(DhcpOptionCode.DomainNameServer, dns);
    }
}
