using System.Net.NetworkInformation;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// Which messages an override applies to: those a server receives (a request it may ignore) or sends
/// (a reply it may change, delay, drop or duplicate), of one kind ("DISCOVER", "ADVERTISE", "RRQ",
/// "DATA"…, null: any), optionally only the n-th of them (1-based, counted per server from the moment
/// the override set was last cleared), only for one client MAC, only from one server identity.
/// </summary>
public sealed record MessageSelector(Direction Direction, string? Kind = null, int? Nth = null, PhysicalAddress? Client = null, string? Identity = null)
{
    /// <summary>Only requests this predicate accepts (the typed request, e.g. a TFTP read request for one file); received side only.</summary>
    public Func<object, bool>? Where { get; init; }

    public MessageSelector Matching(Func<object, bool> where) => this with { Where = where };

    public static MessageSelector Received(string? kind = null, int? nth = null) => new(Direction.Received, kind, nth);
    public static MessageSelector Sent(string? kind = null, int? nth = null) => new(Direction.Sent, kind, nth);

    public MessageSelector ForClient(PhysicalAddress client) => this with { Client = client };
    public MessageSelector FromIdentity(string identity) => this with { Identity = identity };

    public override string ToString() =>
        $"{(Direction == Direction.Received ? "received" : "sent")} {Kind ?? "any"}{(Nth is { } n ? $" #{n}" : "")}"
        + (Client is null ? "" : $" for {Client}") + (Identity is null ? "" : $" from {Identity}");
}
