using System.Buffers;
using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Syslog;

/// <summary>
/// How complete a received packet is, in the terms of RFC 3164 §4.3 (what a relay must do with it).
/// A collector accepts every layout; a verdict decides whether the device should have sent better.
/// </summary>
public enum Rfc3164Layout
{
    /// <summary>§4.1: &lt;PRI&gt;TIMESTAMP SP HOSTNAME SP MSG.</summary>
    Complete,
    /// <summary>A valid PRI and TIMESTAMP (§4.3.1), but no "HOSTNAME SP" after the TIMESTAMP; only detectable when none can be read there.</summary>
    MissingHostname,
    /// <summary>§4.3.2: a valid PRI, but no TIMESTAMP or an invalid one; everything after the PRI is MSG.</summary>
    MissingTimestamp,
    /// <summary>§4.3.3: no PRI, or one that cannot be identified; the whole packet is MSG.</summary>
    MissingPri,
}

/// <summary>
/// A BSD syslog packet (RFC 3164), as a PacketCable device sends management events over UDP to port 514
/// (PKTC-EVENT-MIB pktcDevEvSyslogUdpPort DEFVAL 514). The parts a packet really has are set; the others
/// are null, and <see cref="Layout"/> says which §4.3 case it is. <see cref="Msg"/> keeps the MSG part's
/// bytes as sent (RFC 3164 leaves its character set open), so re-encoding reproduces the packet exactly.
/// </summary>
public sealed record SyslogMessage(SyslogPriority? Priority, Rfc3164Timestamp? Timestamp, string? Hostname, ReadOnlyMemory<byte> Msg)
{
    public const string Protocol = "syslog";
    public const int Port = 514;
    /// <summary>RFC 3164 §4.1: "The total length of the packet MUST be 1024 bytes or less."</summary>
    public const int MaxLength = 1024;

    /// <summary>A message whose MSG is text (UTF-8 on the wire).</summary>
    public SyslogMessage(SyslogPriority? priority, Rfc3164Timestamp? timestamp, string? hostname, string msg)
        : this(priority, timestamp, hostname, Encoding.UTF8.GetBytes(msg)) { }

    public Rfc3164Layout Layout =>
        Priority is null ? Rfc3164Layout.MissingPri
        : Timestamp is null ? Rfc3164Layout.MissingTimestamp
        : Hostname is null ? Rfc3164Layout.MissingHostname
        : Rfc3164Layout.Complete;

    /// <summary>The MSG part as text (UTF-8; a byte that is not UTF-8 reads as U+FFFD).</summary>
    public string MsgText => Encoding.UTF8.GetString(Msg.Span);

    /// <summary>RFC 3164 §4.1.3 TAG and CONTENT of the MSG part, when it starts with a TAG.</summary>
    public SyslogTag? Tag => SyslogTag.TryParse(MsgText);

    /// <summary>
    /// Reads one datagram. Only an empty packet (RFC 3164 §4.1: sending one "SHOULD NOT" happen, and there is
    /// nothing to record) and one over 1024 bytes are refused; every other packet is taken as RFC 3164 §4.3
    /// says a relay takes it, and <see cref="Layout"/> tells which case it was.
    /// </summary>
    public static SyslogMessage Decode(ReadOnlySpan<byte> datagram)
    {
        var r = new WireReader(datagram, Protocol);
        if (datagram.Length == 0) throw r.Error("syslog.msg", "empty packet: there is no PRI, HEADER or MSG to read");
        if (datagram.Length > MaxLength)
            throw r.Error("syslog.msg", $"{datagram.Length} bytes: RFC 3164 §4.1 limits a packet to 1024", MaxLength);

        int pos = 0;
        if (!TryReadPri(datagram, ref pos, out var priority))
            return new SyslogMessage(null, null, null, datagram.ToArray());
        if (!TryReadTimestamp(datagram, ref pos, out var timestamp))
            return new SyslogMessage(priority, null, null, datagram[pos..].ToArray());
        string? hostname = TryReadHostname(datagram, ref pos);
        return new SyslogMessage(priority, timestamp, hostname, datagram[pos..].ToArray());
    }

    public byte[] Encode()
    {
        if (Priority is null && (Timestamp is not null || Hostname is not null))
            throw new InvalidOperationException("a packet without PRI has no HEADER (RFC 3164 §4.3.3)");
        if (Timestamp is null && Hostname is not null)
            throw new InvalidOperationException("a HOSTNAME follows a TIMESTAMP (RFC 3164 §4.1.2)");
        if (Hostname is not null && (Hostname.Length == 0 || !Hostname.All(IsHeaderChar)))
            throw new ArgumentException($"HOSTNAME '{Hostname}' must be printable ASCII without spaces");
        var b = new WireBuffer(64 + Msg.Length);
        if (Priority is { } p) b.WriteBytes(Encoding.ASCII.GetBytes(p.ToString()));
        if (Timestamp is { } t) { b.WriteBytes(Encoding.ASCII.GetBytes(t.ToString())); b.WriteByte((byte)' '); }
        if (Hostname is not null) { b.WriteBytes(Encoding.ASCII.GetBytes(Hostname)); b.WriteByte((byte)' '); }
        b.WriteBytes(Msg.Span);
        var bytes = b.ToArray();
        if (bytes.Length is 0 or > MaxLength)
            throw new InvalidOperationException($"a syslog packet has 1 to {MaxLength} bytes, this one {bytes.Length}");
        // RFC 3164 is positional: e.g. a MissingHostname message whose MSG starts with "word " reads back with
        // a HOSTNAME. Refuse to send what a collector would read differently.
        if (!Equals(Decode(bytes)))
            throw new InvalidOperationException("this message would read back differently: its MSG looks like the header parts it lacks");
        return bytes;
    }

    public void Encode(IBufferWriter<byte> output) => output.Write(Encode());

    /// <summary>
    /// What an RFC 3164 relay forwards (§4.3): a packet with a valid PRI and TIMESTAMP unchanged (§4.3.1);
    /// without a TIMESTAMP, the relay's TIMESTAMP and HOSTNAME inserted after the PRI (§4.3.2); without a PRI,
    /// PRI 13 (user.notice) and the relay's TIMESTAMP and HOSTNAME before the whole packet (§4.3.3).
    /// </summary>
    public SyslogMessage Relayed(Rfc3164Timestamp receivedAt, string relayHostname) => Layout switch
    {
        Rfc3164Layout.MissingPri => new SyslogMessage(new SyslogPriority(SyslogFacility.User, SyslogSeverity.Notice), receivedAt, relayHostname, Msg),
        Rfc3164Layout.MissingTimestamp => this with { Timestamp = receivedAt, Hostname = relayHostname },
        _ => this,
    };

    public bool Equals(SyslogMessage? other) =>
        other is not null && Priority == other.Priority && Timestamp == other.Timestamp
        && Hostname == other.Hostname && Msg.Span.SequenceEqual(other.Msg.Span);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Priority);
        h.Add(Timestamp);
        h.Add(Hostname);
        h.AddBytes(Msg.Span);
        return h.ToHashCode();
    }

    /// <summary>The packet as text, header parts as they are set (no validation: this is for reading, not sending).</summary>
    public override string ToString() =>
        $"{Priority}{(Timestamp is { } t ? t + " " : "")}{(Hostname is null ? "" : Hostname + " ")}{MsgText}";

    // RFC 3164 §4.1.1: "<" 1–3 digits ">" with a value up to 191. RFC 3164 does not define leading zeros and
    // RFC 5424 §6.2.1 forbids them, so "<034>" is taken as unidentifiable (§4.3.3) rather than guessed at.
    static bool TryReadPri(ReadOnlySpan<byte> d, ref int pos, out SyslogPriority priority)
    {
        priority = default;
        if (d[0] != '<') return false;
        int i = 1, value = 0;
        while (i < d.Length && i <= 3 && d[i] is >= (byte)'0' and <= (byte)'9') value = value * 10 + (d[i++] - '0');
        int digits = i - 1;
        if (digits == 0 || i >= d.Length || d[i] != '>') return false;
        if (digits > 1 && d[1] == '0') return false;
        if (value > SyslogPriority.MaxValue) return false;
        priority = SyslogPriority.FromValue(value);
        pos = i + 1;
        return true;
    }

    // RFC 3164 §4.1.2: TIMESTAMP, then a single space.
    static bool TryReadTimestamp(ReadOnlySpan<byte> d, ref int pos, out Rfc3164Timestamp timestamp)
    {
        timestamp = default;
        if (d.Length - pos < Rfc3164Timestamp.Length + 1 || d[pos + Rfc3164Timestamp.Length] != ' ') return false;
        Span<char> text = stackalloc char[Rfc3164Timestamp.Length];
        for (int k = 0; k < text.Length; k++) text[k] = (char)d[pos + k];
        if (!Rfc3164Timestamp.TryParse(text, out timestamp)) return false;
        pos += Rfc3164Timestamp.Length + 1;
        return true;
    }

    // RFC 3164 §4.1.2: HOSTNAME (name, IPv4 or IPv6 address; no spaces), then a single space.
    static string? TryReadHostname(ReadOnlySpan<byte> d, ref int pos)
    {
        int end = pos;
        while (end < d.Length && IsHeaderChar((char)d[end])) end++;
        if (end == pos || end >= d.Length || d[end] != ' ') return null;
        string name = Encoding.ASCII.GetString(d[pos..end]);
        pos = end + 1;
        return name;
    }

    static bool IsHeaderChar(char c) => c is > ' ' and < '\u007F';
}
