using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Headend.Servers.Dhcp6;

/// <summary>
/// The server side of RFC 3315 §17.2 and §18.2, shared by the eCM and eUE servers: SOLICIT → ADVERTISE
/// from every identity that answers the client (or one REPLY when the client asked for Rapid Commit and the
/// database allows it, §17.2.3); REQUEST, RENEW → REPLY by the identity named in OPTION_SERVERID; REBIND →
/// REPLY by the identity holding the binding; RELEASE, DECLINE → REPLY with status Success (§18.2.6,
/// §18.2.7; a declined address is not given again); CONFIRM → Success or NotOnLink; INFORMATION-REQUEST →
/// configuration only. Relayed messages are unwrapped and the replies wrapped back (<see cref="RelayChain"/>).
/// The REPLY carries every option of the ADVERTISE (EUE-PROV Table 3 CM4v6, Table 5 eUE-4).
/// </summary>
public abstract class Dhcp6ResponderBase : IDhcp6Responder
{
    readonly ReplyComposer<Dhcp6Message> _composer;

    protected Dhcp6ResponderBase(ProvisioningDatabase database)
    {
        Database = database;
        _composer = new ReplyComposer<Dhcp6Message>(Overrides, Dhcp6Editor.Apply);
    }

    public ProvisioningDatabase Database { get; }
    public abstract string Service { get; }
    public OverrideSet Overrides { get; } = new();
    public LeaseTable Leases { get; } = new();

    public bool Serves(PhysicalAddress mac) => FindClient(mac) is not null;

    protected abstract Dhcp6Client? FindClient(PhysicalAddress mac);
    protected abstract IReadOnlyList<DhcpServerIdentity> Identities(Dhcp6Client client);
    protected abstract DhcpServerIdentity? FindIdentity(string name);

    /// <summary>The configuration options after OPTION_SERVERID, OPTION_CLIENTID and OPTION_IA_NA.</summary>
    protected abstract IEnumerable<Dhcp6Option> Options(Dhcp6Message request, Dhcp6Client client, DhcpServerIdentity identity, IPAddress? address);

    protected virtual void OnBound(Dhcp6Client client, IPAddress address, Dhcp6Message request) { }

    protected Ipv6Plan Plan => Database.Network.Ipv6 ?? throw new InvalidOperationException("the database has no IPv6 network plan (network: ipv6:)");

    public Decision<Dhcp6Message> Decide(Dhcp6Message message, Dhcp6Context context)
    {
        var (request, chain) = RelayChain.Unwrap(message);
        var mac = Dhcp6ClientMac.Of(request, chain.IsRelayed ? null : context.SourceMac);
        var client = mac is null ? null : FindClient(mac);
        if (client is null) return Decision<Dhcp6Message>.Nothing($"client {mac?.ToString() ?? request.ClientId?.ToString() ?? "without DUID"} is not in the database");
        var destination = chain.Destination(context.From);
        var decision = _composer.Compose(Dhcp6Kinds.Of(request.Type), client.Mac,
            notes => Drafts(request, client, context, destination, notes), context.LinkLocal, client.Standing);
        if (!chain.IsRelayed) return decision;
        return decision with { Replies = [.. decision.Replies.Select(r => r with { Message = chain.Wrap(r.Message), Kind = $"RELAY-REPL({r.Kind})" })] };
    }

    IReadOnlyList<ReplyDraft<Dhcp6Message>> Drafts(Dhcp6Message request, Dhcp6Client client, Dhcp6Context context, IPEndPoint destination, List<string> notes)
    {
        var identities = Identities(client);
        if (identities.Count == 0) { notes.Add("no server identity answers this client"); return []; }
        if (request.ClientId is null && request.Type != Dhcp6MessageType.InformationRequest)
        {
            notes.Add("no OPTION_CLIENTID: discarded (RFC 3315 §15)");
            return [];
        }
        var serverId = request.ServerId;
        var named = serverId is null ? null : identities.FirstOrDefault(i => i.Duid.Equals(serverId));
        var lease = Leases.Find(client.Key);
        var expires = context.Now.AddSeconds(Plan.ValidLifetime);
        var address = Leases.Choose(client.Key, client.Addresses);

        ReplyDraft<Dhcp6Message> Draft(Dhcp6MessageType type, string identity, Func<DhcpServerIdentity, IReadOnlyList<Dhcp6Option>> body) =>
            new(Dhcp6Kinds.Of(type), identity, name => Dhcp6Message.Create(type, request.TransactionId, Header(request, Identity(name)).Concat(body(Identity(name)))),
                destination, _ => context.ServerAddress);

        switch (request.Type)
        {
            case Dhcp6MessageType.Solicit:
                if (serverId is not null) { notes.Add("SOLICIT with OPTION_SERVERID: discarded (RFC 3315 §15.2)"); return []; }
                if (request.RapidCommit && client.AllowRapidCommit && address is not null)
                {
                    Leases.Bind(client.Key, address, identities[0].Name, expires);
                    OnBound(client, address, request);
                    return [Draft(Dhcp6MessageType.Reply, identities[0].Name, i => [.. Assign(request, client, i, address), Dhcp6Options.RapidCommit()])];
                }
                if (address is not null) Leases.Offer(client.Key, address, identities[0].Name, expires);
                else notes.Add("no address left: ADVERTISE says NoAddrsAvail (RFC 3315 §17.2.2)");
                return [.. identities.Select(i => Draft(Dhcp6MessageType.Advertise, i.Name, id => Assign(request, client, id, address)))];

            case Dhcp6MessageType.Request or Dhcp6MessageType.Renew:
                if (named is null) { notes.Add("OPTION_SERVERID names another server: not ours to answer (RFC 3315 §18.2.1)"); return []; }
                if (address is null) return [Draft(Dhcp6MessageType.Reply, named.Name, id => Assign(request, client, id, null))];
                Leases.Bind(client.Key, address, named.Name, expires);
                OnBound(client, address, request);
                return [Draft(Dhcp6MessageType.Reply, named.Name, id => Assign(request, client, id, address))];

            case Dhcp6MessageType.Rebind:
            {
                if (lease is null || address is null) { notes.Add("REBIND for no binding of ours: discarded (RFC 3315 §18.2.4)"); return []; }
                var holder = identities.FirstOrDefault(i => i.Name == lease.Identity) ?? identities[0];
                Leases.Bind(client.Key, address, holder.Name, expires);
                return [Draft(Dhcp6MessageType.Reply, holder.Name, id => Assign(request, client, id, address))];
            }

            case Dhcp6MessageType.Release:
                if (named is null) { notes.Add("RELEASE for another server"); return []; }
                Leases.Release(client.Key);
                return [Draft(Dhcp6MessageType.Reply, named.Name, _ => [Dhcp6Options.StatusCode(Dhcp6Status.Success, "released")])];

            case Dhcp6MessageType.Decline:
                if (named is null) { notes.Add("DECLINE for another server"); return []; }
                foreach (var ia in request.IaNas)
                    foreach (var a in ia.Addresses)
                    {
                        Leases.Decline(client.Key, a.Address);
                        notes.Add($"{a.Address} declined by the client: not given to it again");
                    }
                return [Draft(Dhcp6MessageType.Reply, named.Name, _ => [Dhcp6Options.StatusCode(Dhcp6Status.Success, "declined")])];

            case Dhcp6MessageType.Confirm:
            {
                bool onLink = request.IaNas.SelectMany(i => i.Addresses).All(a => OnLink(a.Address));
                return [Draft(Dhcp6MessageType.Reply, identities[0].Name, _ => [Dhcp6Options.StatusCode(onLink ? Dhcp6Status.Success : Dhcp6Status.NotOnLink)])];
            }

            case Dhcp6MessageType.InformationRequest:
                return [Draft(Dhcp6MessageType.Reply, identities[0].Name, id => [.. Options(request, client, id, null)])];

            default:
                notes.Add($"{Dhcp6Kinds.Of(request.Type)} is not a message a server answers");
                return [];
        }
    }

    DhcpServerIdentity Identity(string? name) =>
        (name is null ? null : FindIdentity(name)) ?? throw new InvalidOperationException($"no DHCP server identity named '{name}' in the database");

    static IEnumerable<Dhcp6Option> Header(Dhcp6Message request, DhcpServerIdentity identity)
    {
        yield return Dhcp6Options.ServerId(identity.Duid);
        if (request.Find(Dhcp6OptionCode.ClientId) is { } clientId) yield return clientId;
    }

    /// <summary>The IA_NA answer (the first IA gets the address; §17.2.2 NoAddrsAvail when there is none) and the configuration options.</summary>
    IReadOnlyList<Dhcp6Option> Assign(Dhcp6Message request, Dhcp6Client client, DhcpServerIdentity identity, IPAddress? address)
    {
        var options = new List<Dhcp6Option>();
        var ias = request.IaNas;
        for (int i = 0; i < ias.Count; i++)
        {
            if (address is not null && i == 0)
                options.Add(IaNa.WithAddress(ias[i].Iaid, Plan.T1, Plan.T2, new IaAddress(address, Plan.PreferredLifetime, Plan.ValidLifetime)).ToOption());
            else
                options.Add(new IaNa(ias[i].Iaid, 0, 0, [Dhcp6Options.StatusCode(Dhcp6Status.NoAddrsAvail, "no address for this IA")]).ToOption());
        }
        if (address is null && request.Type == Dhcp6MessageType.Solicit)
            options.Add(Dhcp6Options.StatusCode(Dhcp6Status.NoAddrsAvail, "no addresses available"));
        options.AddRange(Options(request, client, identity, address));
        return options;
    }

    bool OnLink(IPAddress address)
    {
        var prefix = Plan.Prefix.GetAddressBytes();
        var a = address.GetAddressBytes();
        for (int bit = 0; bit < Plan.PrefixLength; bit++)
            if (((prefix[bit / 8] ^ a[bit / 8]) & (0x80 >> (bit % 8))) != 0) return false;
        return true;
    }

    /// <summary>OPTION_DNS_SERVERS and OPTION_DOMAIN_LIST when the client's OPTION_ORO asks for them (RFC 3646 §3, §4).</summary>
    protected IEnumerable<Dhcp6Option> ResolverOptions(Dhcp6Message request, IEnumerable<IPAddress> dnsServers)
    {
        var oro = request.OptionRequest ?? [];
        var dns = dnsServers.V6();
        if (oro.Contains(Dhcp6OptionCode.DnsServers) && dns.Count > 0) yield return Dhcp6Options.DnsServers(dns);
        if (oro.Contains(Dhcp6OptionCode.DomainList) && Database.Network.DomainName is { } domain) yield return Dhcp6Options.DomainList(domain);
    }
}
