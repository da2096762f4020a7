using System.Net;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Ipv4;

/// <summary>
/// The eUE's DHCPv4 exchange as the headend's evidence shows it (pkt-eue-1 in IPv4 mode): what the eUE sent
/// (DISCOVER, REQUEST in SELECTING or RENEWING/REBINDING state) and what the eUE's servers answered, and the
/// addresses and servers the eUE was given, read from the replies the headend sent (never from the device).
/// </summary>
public static class EueDhcpv4Wire
{
    public const string Protocol = "dhcp";

    public static DhcpMessage Dhcp(this EvidenceEvent e) => e.Message<DhcpMessage>();

    public static bool Discover(EvidenceEvent e) => Traffic.From(Traffic.EueDhcpv4, "DISCOVER")(e);
    public static bool Request(EvidenceEvent e) => Traffic.From(Traffic.EueDhcpv4, "REQUEST")(e);

    /// <summary>RFC 2131 §4.3.2: a REQUEST in SELECTING state names the server it chose (option 54).</summary>
    public static bool SelectingRequest(EvidenceEvent e) => Request(e) && e.Dhcp().CiAddr.Equals(IPAddress.Any) && e.Dhcp().HasOption(DhcpOptionCode.ServerIdentifier);

    /// <summary>RFC 2131 §4.3.2: a REQUEST in RENEWING or REBINDING state carries the leased address in ciaddr.</summary>
    public static bool RenewalRequest(EvidenceEvent e) => Request(e) && !e.Dhcp().CiAddr.Equals(IPAddress.Any);

    /// <summary>Any message the eUE's DHCPv4 client sent (DISCOVER, REQUEST, DECLINE, RELEASE, INFORM).</summary>
    public static bool FromClient(EvidenceEvent e) =>
        e.Service == Traffic.EueDhcpv4 && e.Direction == Direction.Received && e.Error is null && e.Message is DhcpMessage;

    public static bool Sent(EvidenceEvent e, DhcpMessageType type) =>
        e.Service == Traffic.EueDhcpv4 && e.Direction == Direction.Sent && e.Message is DhcpMessage m && m.MessageType == type;

    /// <summary>The ACKs that gave the eUE a lease (yiaddr set), in order.</summary>
    public static IReadOnlyList<EvidenceEvent> Acks(Lab lab) =>
        lab.Seen(e => Sent(e, DhcpMessageType.Ack) && !e.Dhcp().YiAddr.Equals(IPAddress.Any));

    /// <summary>The last ACK the headend sent the eUE before <paramref name="before"/> (default: now), or null.</summary>
    public static DhcpMessage? LastAck(Lab lab, EvidenceEvent? before = null) =>
        Acks(lab).LastOrDefault(a => before is null || a.Sequence < before.Sequence)?.Dhcp();

    /// <summary>
    /// The addresses the headend leased to the eUE so far: DHCPv4 yiaddr of every ACK, the IA_NA addresses of every
    /// eUE DHCPv6 REPLY. What comes from these addresses is the eUE's (the eCM has its own).
    /// </summary>
    public static IReadOnlySet<IPAddress> EueAddresses(Lab lab)
    {
        var set = new HashSet<IPAddress>();
        foreach (var a in Acks(lab)) set.Add(a.Dhcp().YiAddr);
        foreach (var r in lab.Seen(e => e.Service == Traffic.EueDhcpv6 && e.Direction == Direction.Sent && e.Message is Dhcp6Message))
        {
            try
            {
                foreach (var ia in r.Message<Dhcp6Message>().IaNas)
                    foreach (var address in ia.Addresses) set.Add(address.Address);
            }
            catch (Protocols.Wire.ParseError) { }
        }
        return set;
    }

    /// <summary>The servers of one kind the eUE was last given: DHCPv4 option <paramref name="v4Option"/> or the DHCPv6 equivalent.</summary>
    public static IReadOnlyList<IPAddress> LastGiven(Lab lab, Func<DhcpMessage, IReadOnlyList<IPAddress>?> v4, Func<Dhcp6Message, IReadOnlyList<IPAddress>?> v6, EvidenceEvent? before = null)
    {
        var replies = lab.Seen(e => e.Direction == Direction.Sent && (before is null || e.Sequence < before.Sequence)
            && ((e.Service == Traffic.EueDhcpv4 && e.Message is DhcpMessage m && m.MessageType == DhcpMessageType.Ack && !m.YiAddr.Equals(IPAddress.Any))
                || (e.Service == Traffic.EueDhcpv6 && e.Message is Dhcp6Message r && r.Type == Dhcp6MessageType.Reply)));
        if (replies.Count == 0) return [];
        var last = replies[^1];
        try
        {
            return (last.Message is DhcpMessage a ? v4(a) : v6((Dhcp6Message)last.Message!)) ?? [];
        }
        catch (Protocols.Wire.ParseError) { return []; }
    }

    public static string Describe(IEnumerable<IPAddress> addresses) =>
        addresses.Any() ? string.Join(", ", addresses) : "none";
}
