using System.Globalization;
using System.Net;
using System.Text;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device.Eue.Services;

/// <summary>
/// The eUE's HTTP client for the configuration file (6.1.5 MAY, eUE-22/23; RFC 2616): one GET over a
/// TCP connection, "Connection: close", the body by Content-Length or up to the close.
/// </summary>
public sealed class HttpDownloader(INetworkHost host, TimeProvider clock, DeviceTimers timers)
{
    public async Task<DownloadResult> DownloadAsync(ConfigFileLocation location, IPAddress server)
    {
        using var timeout = new CancellationTokenSource(timers.HttpTimeout, clock);
        try
        {
            await using var connection = await host.ConnectTcpAsync(new IPEndPoint(server, location.Port), timeout.Token);
            string hostHeader = server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && location.Address is not null ? $"[{location.Host}]" : location.Host;
            if (location.Port != 80) hostHeader += ":" + location.Port.ToString(CultureInfo.InvariantCulture);
            var path = Uri.TryCreate(location.Url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : "/" + location.Path.TrimStart('/');
            var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {hostHeader}\r\nConnection: close\r\nUser-Agent: EUeConformance-reference-eUE\r\n\r\n");
            await connection.Stream.WriteAsync(request, timeout.Token);
            await connection.Stream.FlushAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[4096];
            while (true)
            {
                int n = await connection.Stream.ReadAsync(chunk, timeout.Token);
                if (n == 0) break;
                buffer.Write(chunk, 0, n);
                if (Complete(buffer.ToArray(), out _)) break;
            }
            return Parse(buffer.ToArray());
        }
        catch (OperationCanceledException) { return DownloadResult.Fail("HTTP: timed out"); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return DownloadResult.Fail($"HTTP: {e.Message}");
        }
    }

    static bool Complete(byte[] response, out int bodyStart)
    {
        bodyStart = IndexOf(response, "\r\n\r\n"u8);
        if (bodyStart < 0) return false;
        bodyStart += 4;
        var head = Encoding.ASCII.GetString(response, 0, bodyStart);
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int n) && response.Length - bodyStart >= n;
    }

    static DownloadResult Parse(byte[] response)
    {
        int headerEnd = IndexOf(response, "\r\n\r\n"u8);
        if (headerEnd < 0) return DownloadResult.Fail("HTTP: no complete response header");
        var head = Encoding.ASCII.GetString(response, 0, headerEnd).Split("\r\n");
        var status = head[0].Split(' ');
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)) return DownloadResult.Fail($"HTTP: bad status line '{head[0]}'");
        if (status[1] != "200") return DownloadResult.Fail($"HTTP: status {head[0]}");
        var body = response.AsSpan(headerEnd + 4);
        var length = head.FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int n))
        {
            if (body.Length < n) return DownloadResult.Fail($"HTTP: body of {body.Length} bytes, Content-Length {n}");
            body = body[..n];
        }
        return DownloadResult.Ok(body.ToArray());
    }

    static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().IndexOf(pattern);
}
