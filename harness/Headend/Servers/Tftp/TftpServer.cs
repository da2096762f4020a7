using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Tftp;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Tftp;

/// <summary>
/// TFTP on UDP port 69 (RFC 1350 §4): each read request gets its own socket on a fresh port (the server's
/// transfer ID), and its transfer runs there, retransmitting on the clock's timer ticks. A DATA packet is
/// decoded with the negotiated block size; anything undecodable is evidence, not an exception.
/// </summary>
public sealed class TftpServer(ServerRuntime runtime, TftpResponder responder, IPAddress bindAddress)
    : UdpServer<TftpPacket>(runtime, new IPEndPoint(bindAddress, TftpPacket.Port))
{
    readonly List<Session> _sessions = [];

    public TftpResponder Responder => responder;
    /// <summary>Transfers started so far (finished ones included), for assertions.</summary>
    public IReadOnlyList<TftpTransfer> Transfers => [.. _sessions.Select(s => s.Transfer)];

    protected override string Protocol => "tftp";
    protected override string DefaultService => "tftp";

    protected override TftpPacket Decode(ReadOnlySpan<byte> payload) => TftpPacket.Decode(payload);
    protected override byte[] Encode(TftpPacket message) => message.Encode();
    protected override string KindOf(TftpPacket message) => TftpFields.KindOf(message);
    protected override IReadOnlyDictionary<string, string> FieldsOf(TftpPacket message) => TftpFields.Of(message);

    protected override (string, Decision<TftpPacket>) Decide(TftpPacket message, Datagram datagram)
    {
        var decision = responder.OnRequest(message, datagram.Source, out var transfer);
        if (transfer is null) return (DefaultService, decision);
        // The reply to the request leaves from the transfer's own port, not 69 (RFC 1350 §4).
        var session = new Session(this, transfer, datagram.Source);
        _sessions.Add(session);
        session.Send(decision);
        return (DefaultService, decision with { Replies = [] });
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var s in _sessions) s.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>One transfer's socket and timer.</summary>
    sealed class Session : IDisposable
    {
        readonly TftpServer _server;
        readonly IDatagramSocket _socket;
        readonly IPEndPoint _client;
        Scheduler.Timer? _timer;

        public Session(TftpServer server, TftpTransfer transfer, IPEndPoint client)
        {
            _server = server;
            Transfer = transfer;
            _client = client;
            var any = client.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
            _socket = server.Runtime.Host.OpenUdp(new IPEndPoint(any, 0));
            _socket.Received = OnDatagram;
        }

        public TftpTransfer Transfer { get; }

        void OnDatagram(Datagram d)
        {
            var local = _socket.LocalEndPoint;
            if (!d.Source.Equals(_client))
            {
                Publish(Direction.Received, d.Source, "stray", new Dictionary<string, string>(), null, d.Payload, ["packet from another transfer ID: ERROR 5"]);
                var error = TftpResponder.UnknownTransferId;
                _socket.Send(error.Encode(), d.Source);
                Publish(Direction.Sent, d.Source, "ERROR", TftpFields.Of(error), error, error.Encode(), null);
                return;
            }
            TftpPacket packet;
            try { packet = TftpPacket.Decode(d.Payload.Span, Transfer.BlockSize); }
            catch (ParseError e)
            {
                _server.Runtime.Evidence.Publish("tftp", Direction.Received, local, d.Source, "tftp", "undecodable", new Dictionary<string, string>(), null, d.Payload, error: e.Message);
                return;
            }
            var decision = _server.Responder.OnTransferPacket(Transfer, packet, d.Source);
            Publish(Direction.Received, d.Source, TftpFields.KindOf(packet), TftpFields.Of(packet), packet, d.Payload, decision.Notes);
            Send(decision);
        }

        public void Send(Decision<TftpPacket> decision)
        {
            _timer?.Cancel();
            _timer = null;
            foreach (var reply in decision.Replies)
                _server.Scheduler.After(reply.Delay, () =>
                {
                    var bytes = reply.Message.Encode();
                    _socket.Send(bytes, reply.Destination, reply.Source);
                    Publish(Direction.Sent, reply.Destination, reply.Kind, TftpFields.Of(reply.Message), reply.Message, bytes, null);
                });
            if (!Transfer.Done) _timer = _server.Scheduler.Arm(Transfer.Timeout, OnTimeout);
        }

        void OnTimeout()
        {
            var decision = _server.Responder.OnTimeout(Transfer, _client);
            if (decision.Notes.Count > 0)
                Publish(Direction.Received, _client, "timer", new Dictionary<string, string>(), null, ReadOnlyMemory<byte>.Empty, decision.Notes);
            Send(decision);
        }

        void Publish(Direction direction, IPEndPoint peer, string kind, IReadOnlyDictionary<string, string> fields, object? message, ReadOnlyMemory<byte> raw, IReadOnlyList<string>? notes) =>
            _server.Runtime.Evidence.Publish("tftp", direction, _socket.LocalEndPoint, peer, "tftp", kind, fields, message, raw, notes);

        public void Dispose()
        {
            _timer?.Cancel();
            _socket.Dispose();
        }
    }
}
