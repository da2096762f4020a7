using EUeConformance.Protocols.Http;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Http;

/// <summary>
/// The HTTP request decoder of the configuration server (eUE-22 downloads over HTTP) under 100,000
/// mutated requests: it answers "incomplete" (null), a request, or a ParseError, and nothing else;
/// what it reads as complete never claims more bytes than it was given.
/// </summary>
public class HttpFuzzTests
{
    static readonly byte[][] Seeds =
    [
        "GET /eue-0001.cfg HTTP/1.1\r\nHost: [2001:db8::69]\r\nUser-Agent: eUE/1.0\r\n\r\n"u8.ToArray(),
        "HEAD http://cfg.example.net/eue%2D0001.cfg?x=1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"u8.ToArray(),
        "POST /upload HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"u8.ToArray(),
    ];

    [Fact]
    public void TryDecode_raises_only_ParseError_and_consumes_no_more_than_it_was_given()
    {
        var findings = Fuzzer.Run(Seeds, bytes =>
        {
            var request = HttpRequest.TryDecode(bytes, out int consumed);
            if (request is null) return;
            if (consumed > bytes.Length) throw new InvalidOperationException($"consumed {consumed} of {bytes.Length} bytes");
            _ = (request.Path, request.KeepAlive, request.Header("Host"), request.Encode());
        });
        findings.Should().BeEmpty(string.Join("\n", findings.Take(3).Select(f => $"{Convert.ToHexString(f.Input)}: {f.Exception}")));
    }
}
