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
    readonly List<TftpTransfer> _transfers = [];

    /// <summary>
    /// Transfers running at once, at most, so that a flood of requests cannot use up the host's sockets: a
    /// request beyond them ends the oldest transfer (under a flood, one whose client is not there) and is
    /// served; the evidence says which transfer made room.
    /// </summary>
    public const int MaxConcurrentTransfers = 256;

    public TftpResponder Responder => responder;
    /// <summary>Transfers started so far (finished ones included), for assertions.</summary>
    public IReadOnlyList<TftpTransfer> Transfers => [.. _transfers];

    /// <summary>Transfers whose port is still open.</summary>
    public int RunningTransfers => _sessions.Count;

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
        if (_sessions.Count >= MaxConcurrentTransfers)
        {
            var oldest = _sessions[0];
            Close(oldest);
            decision = decision with { Notes = [.. decision.Notes, $"{MaxConcurrentTransfers} transfers running: the oldest ({oldest.Transfer.Request.Filename} to {oldest.Client}) was ended to make room"] };
        }
        // The reply to the request leaves from the transfer's own port, not 69 (RFC 1350 §4): sent by Dispatch.
        _starting = new Session(this, transfer, datagram.Source);
        _sessions.Add(_starting);
        _transfers.Add(transfer);
        return (DefaultService, decision);
    }

    Session? _starting;

    protected override void Dispatch(string service, Decision<TftpPacket> decision)
    {
        if (_starting is not { } session) { base.Dispatch(service, decision); return; }
        _starting = null;
        session.Send(decision);
    }

    void Close(Session session)
    {
        if (_sessions.Remove(session)) session.Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var s in _sessions) s.Dispose();
        _sessions.Clear();
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
        public IPEndPoint Client => _client;

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
                    if (_closed) return;
                    var bytes = reply.Message.Encode();
                    _socket.Send(bytes, reply.Destination, reply.Source);
                    Publish(Direction.Sent, reply.Destination, reply.Kind, TftpFields.Of(reply.Message), reply.Message, bytes, null);
                });
            if (!Transfer.Done) _timer = _server.Scheduler.Arm(Transfer.Timeout, OnTimeout);
            // A finished transfer gives its port back once what it still had to send has gone (a late duplicate ACK then meets a closed port).
            else _server.Scheduler.After(decision.Replies.Select(r => r.Delay).DefaultIfEmpty(TimeSpan.Zero).Max(), () => _server.Close(this));
        }

        bool _closed;

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
            _closed = true;
            _timer?.Cancel();
            _socket.Dispose();
        }
    }
}
