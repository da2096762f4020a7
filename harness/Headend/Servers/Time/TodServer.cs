using System.Globalization;
using System.Net;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Time;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Time;

/// <summary>
/// RFC 868 on port 37: over UDP any datagram is answered with the time (a request that is not the empty
/// datagram RFC 868 asks for is still answered, and its ParseError recorded); over TCP the time is sent on
/// connect and the connection closed.
/// </summary>
public sealed class TodServer(ServerRuntime runtime, TodResponder responder, IPAddress bindAddress) : IAsyncDisposable
{
    const string Service = "tod";
    readonly Scheduler _scheduler = new(runtime.Clock);
    IDatagramSocket? _udp;
    IStreamListener? _tcp;

    public TodResponder Responder => responder;

    public void Start(bool tcp = true)
    {
        _udp = runtime.Host.OpenUdp(new IPEndPoint(bindAddress, TimeProtocolMessage.Port));
        _udp.Received = OnDatagram;
        if (tcp) _tcp = runtime.Host.ListenTcp(new IPEndPoint(bindAddress, TimeProtocolMessage.Port), OnConnection);
    }

    void OnDatagram(Datagram d)
    {
        var local = new IPEndPoint(d.Destination.Address, TimeProtocolMessage.Port);
        string? problem = null;
        try { TimeProtocolRequest.Decode(d.Payload.Span); }
        catch (ParseError e) { problem = e.Message; }
        var decision = responder.Decide(d.Source, problem is null ? null : ["answered although the request is not empty"]);
        runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, TimeProtocolMessage.Protocol, "REQUEST", new Dictionary<string, string>(), null, d.Payload, decision.Notes, problem);
        foreach (var reply in decision.Replies)
            _scheduler.After(reply.Delay, () =>
            {
                var bytes = reply.Message.Encode();
                // The answer leaves from the address the request went to: a headend with several addresses (a second ToD
                // server, EUE-PROV 6.3.2.3 ¶9) must not answer a request to one of them from another.
                _udp!.Send(bytes, reply.Destination, reply.Source ?? (IsUnicast(local.Address) ? local.Address : null));
                runtime.Evidence.Publish(Service, Direction.Sent, local, reply.Destination, TimeProtocolMessage.Protocol, "TIME", Fields(reply.Message), reply.Message, bytes);
            });
    }

    async Task OnConnection(IStreamConnection connection)
    {
        await using var _ = connection;
        var decision = responder.Decide(connection.RemoteEndPoint);
        foreach (var reply in decision.Replies)
        {
            if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, runtime.Clock, _scheduler.Stopping);
            var bytes = reply.Message.Encode();
            await connection.Stream.WriteAsync(bytes, _scheduler.Stopping);
            await connection.Stream.FlushAsync(_scheduler.Stopping);
            runtime.Evidence.Publish(Service, Direction.Sent, connection.LocalEndPoint, connection.RemoteEndPoint, TimeProtocolMessage.Protocol, "TIME",
                Fields(reply.Message), reply.Message, bytes, ["over TCP"]);
            break;
        }
    }

    static bool IsUnicast(IPAddress a) =>
        !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any) && !a.Equals(IPAddress.Broadcast) && !a.IsIPv6Multicast
        && !(a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && a.GetAddressBytes()[0] >= 224);

    static IReadOnlyDictionary<string, string> Fields(TimeProtocolMessage m) =>
        new Dictionary<string, string> { ["time.time"] = m.Seconds.ToString(CultureInfo.InvariantCulture) };

    public ValueTask DisposeAsync()
    {
        _scheduler.Dispose();
        _udp?.Dispose();
        _tcp?.Dispose();
        return ValueTask.CompletedTask;
    }
}
