using System.Net;
using System.Text;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Http;
using EUeConformance.Protocols.Http;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Headend.Http;

/// <summary>The Configuration Server over HTTP (EUE-PROV eUE-22/23, RFC 2616/7230) and the small request codec it reads with.</summary>
public sealed class HttpResponderTests
{
    static readonly IPEndPoint Client = new(IPAddress.Parse("192.0.2.20"), 40001);
    static readonly byte[] File = [1, 2, 3, 4, 5];

    static HttpRequest Parse(string text) => HttpRequest.TryDecode(Encoding.ASCII.GetBytes(text), out _)!;

    [Fact]
    public void A_GET_of_a_file_returns_its_bytes_with_their_length()
    {
        var response = new HttpResponder(n => n == "/eue1.cfg" ? File : null).Decide(Parse("GET /eue1.cfg HTTP/1.1\r\nHost: h\r\n\r\n"), Client).Replies.Single().Message;
        response.StatusCode.Should().Be(200);
        response.Body.ToArray().Should().Equal(File);
        Encoding.ASCII.GetString(response.Encode()).Should().Contain("Content-Length: 5\r\n");
    }

    [Fact]
    public void An_absolute_URL_and_percent_encoding_name_the_same_file()
    {
        Parse("GET http://[2001:db8:1::1]/eue%31.cfg HTTP/1.1\r\n\r\n").Path.Should().Be("/eue1.cfg");
    }

    [Fact]
    public void An_unknown_file_is_404_and_another_method_405()
    {
        var http = new HttpResponder(_ => null);
        http.Decide(Parse("GET /x HTTP/1.1\r\n\r\n"), Client).Replies.Single().Message.StatusCode.Should().Be(404);
        http.Decide(Parse("PUT /x HTTP/1.1\r\nContent-Length: 0\r\n\r\n"), Client).Replies.Single().Message.StatusCode.Should().Be(405);
    }

    [Fact]
    public void An_incomplete_head_is_not_yet_a_request_and_a_bad_one_is_a_ParseError()
    {
        HttpRequest.TryDecode("GET / HTTP/1.1\r\nHost"u8, out _).Should().BeNull();
        var act = () => HttpRequest.TryDecode("HELLO\r\n\r\n"u8, out _);
        act.Should().Throw<ParseError>().Which.Field.Should().Be("http.request.line");
    }

    [Fact]
    public void HTTP_1_1_keeps_the_connection_unless_told_to_close()
    {
        Parse("GET / HTTP/1.1\r\n\r\n").KeepAlive.Should().BeTrue();
        Parse("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").KeepAlive.Should().BeFalse();
        Parse("GET / HTTP/1.0\r\n\r\n").KeepAlive.Should().BeFalse();
    }

    [Fact]
    public void An_override_can_change_the_status()
    {
        var http = new HttpResponder(_ => File);
        http.Overrides.Add(Override.AlterField("RESPONSE", "status", "503"));
        http.Decide(Parse("GET /f HTTP/1.1\r\n\r\n"), Client).Replies.Single().Message.StatusCode.Should().Be(503);
    }
}
