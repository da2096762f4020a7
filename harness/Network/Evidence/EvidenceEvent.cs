using System.Net;

namespace EUeConformance.Network.Evidence;

public enum Direction { Received, Sent }

/// <summary>
/// One exchange on one service, as an auditor reads it: when, which server or device role, which
/// way, with whom, the decoded form (Wireshark field names where Wireshark has one) and the raw bytes.
/// A message that did not decode still becomes an event, with its <see cref="ParseError"/> text and
/// the bytes: bad input from a device is evidence, not an exception.
/// </summary>
/// <param name="Sequence">Order of publication within the scenario, from 1.</param>
/// <param name="Service">e.g. "ecm-dhcpv4", "eue-dhcpv6", "dns", "tftp", "prov-snmp", "syslog", "tod", "device".</param>
/// <param name="Direction">Seen from <paramref name="Service"/>: Received from the peer, or Sent to it.</param>
/// <param name="Kind">The message kind, e.g. "SOLICIT", "RRQ", "InformRequest".</param>
/// <param name="Fields">Decoded fields under Wireshark-style names, e.g. "dhcpv6.msgtype" = "1", "dhcpv6.duid.bytes" = "…".</param>
/// <param name="Message">The typed decoded message (e.g. a Dhcp6Message) for matchers; not serialised.</param>
/// <param name="Error">The decode failure, when the bytes did not parse.</param>
public sealed record EvidenceEvent(
    long Sequence,
    DateTimeOffset At,
    string Service,
    Direction Direction,
    IPEndPoint Local,
    IPEndPoint Peer,
    string Protocol,
    string Kind,
    IReadOnlyDictionary<string, string> Fields,
    object? Message,
    string? Error,
    ReadOnlyMemory<byte> Raw);
