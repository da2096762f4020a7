using EUeConformance.Network.Evidence;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// One per-scenario deviation from what the database says, as data: a selector and what to do to the
/// messages it selects. Overrides compose: every override whose selector matches a message applies,
/// in the order they were added (edits first, then source, delay, duplication; a drop wins).
/// </summary>
public abstract record Override(MessageSelector When)
{
    /// <summary>Don't answer at all: every request is ignored, as if the server were not there.</summary>
    public static Override Silence() => new Drop(MessageSelector.Received());

    /// <summary>Drop the <paramref name="nth"/> message of <paramref name="kind"/> the server would send (or, with received, ignore the n-th request).</summary>
    public static Override DropNth(string kind, int nth, Direction direction = Direction.Sent) => new Drop(new MessageSelector(direction, kind, nth));

    public static Override OmitOption(string kind, string path) => new OmitOption(MessageSelector.Sent(kind), OptionPath.Parse(path));
    public static Override AlterOption(string kind, string path, byte[] value) => new SetOption(MessageSelector.Sent(kind), OptionPath.Parse(path), value);
    public static Override AlterField(string kind, string field, string value) => new SetField(MessageSelector.Sent(kind), field, value);
    public static Override DelayReplies(string? kind, TimeSpan delay) => new Delay(MessageSelector.Sent(kind), delay);
    public static Override DuplicateReplies(string? kind, int copies = 1) => new Duplicate(MessageSelector.Sent(kind), copies);
    public static Override AnswerFrom(string identity, string? kind = null) => new AnswerAs(MessageSelector.Sent(kind), identity);
    public static Override LinkLocalSource(string? kind = null) => new FromLinkLocal(MessageSelector.Sent(kind));

    /// <summary>
    /// EUE-PROV eUE-4 says the REPLY must repeat every option of the ADVERTISE and the eUE must treat
    /// the REPLY as authoritative when it differs: this makes the REPLY differ in one option.
    /// </summary>
    public static Override ReplyDiffersFromAdvertise(string path, byte[] replyValue) => new SetOption(MessageSelector.Sent("REPLY"), OptionPath.Parse(path), replyValue);
}

/// <summary>
/// TFTP: ignore the first <paramref name="Count"/> read requests for <paramref name="File"/> (retransmissions included),
/// whatever other files are asked for meanwhile (the eCM's DOCSIS file from the same server, for instance).
/// </summary>
public sealed record IgnoreReadRequests(string File, int Count) : Override(MessageSelector.Received("RRQ"));

/// <summary>Leave an option (or sub-option) out of the selected messages.</summary>
public sealed record OmitOption(MessageSelector When, OptionPath Path) : Override(When);

/// <summary>Give an option (or sub-option) these exact bytes, adding it when absent.</summary>
public sealed record SetOption(MessageSelector When, OptionPath Path, byte[] Value) : Override(When);

/// <summary>Set a header field by name (e.g. DHCPv4 "yiaddr", "siaddr", "file"; DHCPv6 "xid", "ia_na.address"; TFTP "blksize").</summary>
public sealed record SetField(MessageSelector When, string Field, string Value) : Override(When);

/// <summary>Build the selected replies as another server identity (distinct server ID, DUID and DSS_ID) would.</summary>
public sealed record AnswerAs(MessageSelector When, string Identity) : Override(When);

/// <summary>Send the selected replies this much later (fabric time).</summary>
public sealed record Delay(MessageSelector When, TimeSpan By) : Override(When);

/// <summary>Received: ignore the request. Sent: do not send the reply.</summary>
public sealed record Drop(MessageSelector When) : Override(When);

/// <summary>Send the selected replies <paramref name="Copies"/> extra times.</summary>
public sealed record Duplicate(MessageSelector When, int Copies = 1) : Override(When);

/// <summary>Send the selected replies from the server's IPv6 link-local address (EUE-PROV 6.2.1.2, reject-link-local case).</summary>
public sealed record FromLinkLocal(MessageSelector When) : Override(When);
