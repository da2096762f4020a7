using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Http;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Http;

/// <summary>
/// HTTP/1.1 on TCP port 80: requests are read from each connection as they complete (persistent connections
/// per RFC 7230 §6.3), answered in order, and recorded; an idle connection is closed after
/// <see cref="IdleTimeout"/> of fabric time; a malformed request is recorded with its ParseError, answered
/// 400, and the connection closed.
/// </summary>
public sealed class HttpConfigServer(ServerRuntime runtime, HttpResponder responder, IPAddress bindAddress, int port = 80) : IAsyncDisposable
{
    const string Service = "http";
    readonly Scheduler _scheduler = new(runtime.Clock);
    IStreamListener? _listener;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    public HttpResponder Responder => responder;

    public void Start() => _listener = runtime.Host.ListenTcp(new IPEndPoint(bindAddress, port), Serve);

    async Task Serve(IStreamConnection connection)
    {
        await using var _ = connection;
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (!_scheduler.Stopping.IsCancellationRequested)
        {
            HttpRequest? request;
            int consumed;
            try { request = HttpRequest.TryDecode(buffer.ToArray(), out consumed); }
            catch (ParseError e)
            {
                Publish(Direction.Received, connection, "undecodable", new Dictionary<string, string>(), null, buffer.ToArray(), null, e.Message);
                await Write(connection, HttpResponse.Error(400, "Bad Request", close: true), "RESPONSE");
                return;
            }
            if (request is null)
            {
                int n;
                // The idle limit runs on the fabric's clock, like every other timer.
                using (var idle = new CancellationTokenSource(IdleTimeout, runtime.Clock))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, _scheduler.Stopping))
                {
                    try { n = await connection.Stream.ReadAsync(chunk, linked.Token); }
                    catch (OperationCanceledException) { return; }
                    catch (IOException) { return; }
                }
                if (n == 0) return;
                buffer.AddRange(chunk.AsSpan(0, n));
                continue;
            }
            var raw = buffer.GetRange(0, consumed).ToArray();
            buffer.RemoveRange(0, consumed);
            var decision = responder.Decide(request, connection.RemoteEndPoint);
            Publish(Direction.Received, connection, request.Method, Fields(request), request, raw, decision.Notes, null);
            if (decision.IsSilent) return;
            foreach (var reply in decision.Replies)
            {
                if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, runtime.Clock, _scheduler.Stopping);
                await Write(connection, reply.Message, reply.Kind);
            }
            if (!request.KeepAlive) return;
        }
    }

    async Task Write(IStreamConnection connection, HttpResponse response, string kind)
    {
        var bytes = response.Encode();
        await connection.Stream.WriteAsync(bytes, _scheduler.Stopping);
        await connection.Stream.FlushAsync(_scheduler.Stopping);
        Publish(Direction.Sent, connection, kind, new Dictionary<string, string>
        {
            ["http.response.code"] = response.StatusCode.ToString(CultureInfo.InvariantCulture),
            ["http.content_length"] = response.Body.Length.ToString(CultureInfo.InvariantCulture),
        }, response, bytes, null, null);
    }

    static IReadOnlyDictionary<string, string> Fields(HttpRequest r) => new Dictionary<string, string>
    {
        ["http.request.method"] = r.Method,
        ["http.request.uri"] = r.Target,
        ["http.request.version"] = r.Version,
        ["http.host"] = r.Header("Host") ?? "",
    };

    // Lines of a TCP stream are recorded per request and response; the fabric's capture has the segments.
    void Publish(Direction direction, IStreamConnection c, string kind, IReadOnlyDictionary<string, string> fields, object? message, ReadOnlyMemory<byte> raw,
        IReadOnlyList<string>? notes, string? error) =>
        runtime.Evidence.Publish(Service, direction, c.LocalEndPoint, c.RemoteEndPoint, HttpRequest.Protocol, kind, fields, message, raw, notes, error);

    public ValueTask DisposeAsync()
    {
        _scheduler.Dispose();
        _listener?.Dispose();
        return ValueTask.CompletedTask;
    }
}
