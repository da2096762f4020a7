using System.Net;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// One message a server has decided to send: the typed message, its kind, where to and from (null
/// source: the fabric picks), how long after the request (fabric time), and which server identity
/// it speaks as. A duplicated reply appears once per copy.
/// </summary>
public sealed record PlannedReply<T>(T Message, string Kind, IPEndPoint Destination, IPAddress? Source, TimeSpan Delay, string? Identity = null);

/// <summary>
/// A server's whole answer to one input: the replies, and notes for the evidence (which overrides
/// acted, why nothing was sent). Servers' decision logic returns these, so it can be tested without a network.
/// </summary>
public sealed record Decision<T>(IReadOnlyList<PlannedReply<T>> Replies, IReadOnlyList<string> Notes)
{
    public static Decision<T> Nothing(params string[] notes) => new([], notes);
    public bool IsSilent => Replies.Count == 0;
}
