using System.Globalization;
using System.Text;

namespace EUeConformance.Protocols.Http;

/// <summary>An HTTP/1.1 response (RFC 7230 §3.1.2): status line, header fields, body; Content-Length is always sent.</summary>
public sealed record HttpResponse(int StatusCode, string Reason, IReadOnlyList<HttpHeader> Headers, ReadOnlyMemory<byte> Body, string Version = "HTTP/1.1")
{
    public static HttpResponse Ok(ReadOnlyMemory<byte> body, string contentType = "application/octet-stream", bool close = false) =>
        new(200, "OK", [new("Content-Type", contentType), .. Connection(close)], body);

    public static HttpResponse Error(int code, string reason, bool close = false) =>
        new(code, reason, [new("Content-Type", "text/plain"), .. Connection(close)], Encoding.ASCII.GetBytes(reason + "\n"));

    static IEnumerable<HttpHeader> Connection(bool close) => close ? [new HttpHeader("Connection", "close")] : [];

    /// <summary>For a HEAD request (RFC 7231 §4.3.2): the same head, no body.</summary>
    public bool OmitBody { get; init; }

    public byte[] Encode()
    {
        var sb = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{Version} {StatusCode} {Reason}\r\n"));
        foreach (var h in Headers.Where(h => !h.Is("Content-Length"))) sb.Append(h.Name).Append(": ").Append(h.Value).Append("\r\n");
        sb.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n\r\n");
        var head = Encoding.Latin1.GetBytes(sb.ToString());
        return OmitBody ? head : [.. head, .. Body.Span];
    }
}
