using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Sip;

/// <summary>
/// A SIP request's start line and header fields (RFC 3261 §7.1, §7.3), enough to see who registers with which identity:
/// method, Request-URI, From, and the username of an Authorization header (RFC 3261 §22.4). Field names follow Wireshark's
/// SIP dissector (sip.Method, sip.r-uri, sip.from.addr, sip.auth.username). A body is kept as bytes, not interpreted.
/// </summary>
public sealed record SipRequest(string Method, string RequestUri, IReadOnlyList<(string Name, string Value)> Headers, ReadOnlyMemory<byte> Body)
{
    public const string Protocol = "sip";
    public const int Port = 5060;

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The username parameter of the Authorization header, if any.</summary>
    public string? AuthorizationUsername
    {
        get
        {
            var value = Header("Authorization");
            if (value is null) return null;
            int at = value.IndexOf("username=\"", StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            at += "username=\"".Length;
            int end = value.IndexOf('"', at);
            return end < 0 ? null : value[at..end];
        }
    }

    public static SipRequest Decode(ReadOnlySpan<byte> datagram)
    {
        int headEnd = datagram.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0) throw new ParseError(Protocol, datagram.Length, "sip.msg_hdr", "no empty line ends the header fields");
        var lines = Encoding.UTF8.GetString(datagram[..headEnd]).Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length != 3 || start[2] != "SIP/2.0" || start[0].Length == 0 || !start[0].All(char.IsAsciiLetterUpper))
            throw new ParseError(Protocol, 0, "sip.Request-Line", $"'{lines[0]}' is not a SIP/2.0 request line");
        var headers = new List<(string, string)>();
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new ParseError(Protocol, 0, "sip.msg_hdr", $"'{line}' is not a header field");
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new SipRequest(start[0], start[1], headers, datagram[(headEnd + 4)..].ToArray());
    }

    public byte[] Encode()
    {
        var sb = new StringBuilder();
        sb.Append(Method).Append(' ').Append(RequestUri).Append(" SIP/2.0\r\n");
        foreach (var (name, value) in Headers) sb.Append(name).Append(": ").Append(value).Append("\r\n");
        sb.Append("\r\n");
        return [.. Encoding.UTF8.GetBytes(sb.ToString()), .. Body.Span];
    }
}
