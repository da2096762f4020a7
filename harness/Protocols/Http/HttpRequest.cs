using System.Text;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Http;

/// <summary>One header field (RFC 7230 §3.2): the name as sent (compared case-insensitively) and the value with surrounding blanks removed.</summary>
public sealed record HttpHeader(string Name, string Value)
{
    public bool Is(string name) => Name.Equals(name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// An HTTP/1.x request (RFC 7230 §3; the eUE's configuration-file download, EUE-PROV eUE-22 with RFC 2616):
/// request line, header fields, and the body its Content-Length announces. <see cref="TryDecode"/> reads
/// from the start of a connection's buffer: null while the head is incomplete, a <see cref="ParseError"/>
/// (Wireshark field names: http.request.method, http.request.uri, http.request.version, http.request.line)
/// when it cannot be a request.
/// </summary>
public sealed record HttpRequest(string Method, string Target, string Version, IReadOnlyList<HttpHeader> Headers, ReadOnlyMemory<byte> Body)
{
    public const string Protocol = "http";
    /// <summary>A limit on the head, as servers have one (8 KiB is common); a longer head is refused, not buffered forever.</summary>
    public const int MaxHeadLength = 8192;

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Is(name))?.Value;

    /// <summary>RFC 7230 §6.3: HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 closes unless "keep-alive".</summary>
    public bool KeepAlive
    {
        get
        {
            string? connection = Header("Connection");
            if (Version == "HTTP/1.0") return connection?.Contains("keep-alive", StringComparison.OrdinalIgnoreCase) == true;
            return connection?.Contains("close", StringComparison.OrdinalIgnoreCase) != true;
        }
    }

    /// <summary>The path of the target without the query, percent-decoded (RFC 3986 §2.1).</summary>
    public string Path
    {
        get
        {
            string t = Target;
            if (t.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || t.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                int slash = t.IndexOf('/', t.IndexOf("//", StringComparison.Ordinal) + 2);
                t = slash < 0 ? "/" : t[slash..];
            }
            int q = t.IndexOfAny(['?', '#']);
            return Uri.UnescapeDataString(q < 0 ? t : t[..q]);
        }
    }

    public static HttpRequest? TryDecode(ReadOnlySpan<byte> buffer, out int consumed)
    {
        consumed = 0;
        int end = buffer.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (buffer.Length > MaxHeadLength) throw new ParseError(Protocol, MaxHeadLength, "http.request.line", $"no end of the request head within {MaxHeadLength} bytes");
            return null;
        }
        string head = Encoding.Latin1.GetString(buffer[..end]);
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new ParseError(Protocol, 0, "http.request.line", $"'{lines[0]}' is not 'method SP request-target SP HTTP-version' (RFC 7230 §3.1.1)");
        if (!parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            throw new ParseError(Protocol, lines[0].Length - parts[2].Length, "http.request.version", $"'{parts[2]}' is not HTTP/1.x");
        var headers = new List<HttpHeader>();
        int offset = lines[0].Length + 2;
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].Any(c => c is ' ' or '\t'))
                throw new ParseError(Protocol, offset, "http.request.line", $"'{line}' is not 'field-name: value' (RFC 7230 §3.2)");
            headers.Add(new HttpHeader(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
            offset += line.Length + 2;
        }
        int bodyStart = end + 4;
        int bodyLength = 0;
        if (headers.FirstOrDefault(h => h.Is("Content-Length")) is { } length)
        {
            if (!int.TryParse(length.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out bodyLength))
                throw new ParseError(Protocol, bodyStart, "http.content_length", $"Content-Length '{length.Value}' is not a number");
            if (buffer.Length - bodyStart < bodyLength) return null;
        }
        consumed = bodyStart + bodyLength;
        return new HttpRequest(parts[0], parts[1], parts[2], headers, buffer.Slice(bodyStart, bodyLength).ToArray());
    }

    public byte[] Encode()
    {
        var sb = new StringBuilder($"{Method} {Target} {Version}\r\n");
        foreach (var h in Headers) sb.Append(h.Name).Append(": ").Append(h.Value).Append("\r\n");
        sb.Append("\r\n");
        return [.. Encoding.Latin1.GetBytes(sb.ToString()), .. Body.Span];
    }
}
