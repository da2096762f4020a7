using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Common;

/// <summary>
/// A datagram server as a state machine bound to a socket: each datagram is decoded by the codec,
/// published as received (bytes that do not decode become an event with the ParseError, never an
/// exception), handed to the decision logic, and the planned replies are encoded, sent (later, when
/// an override delays them) and published as sent.
/// </summary>
public abstract class UdpServer<TMessage> : IAsyncDisposable where TMessage : notnull
{
    readonly IPEndPoint _bind;
    IDatagramSocket? _socket;

    protected UdpServer(ServerRuntime runtime, IPEndPoint bind)
    {
        Runtime = runtime;
        _bind = bind;
        Scheduler = new Scheduler(runtime.Clock);
    }

    public ServerRuntime Runtime { get; }
    protected Scheduler Scheduler { get; }
    protected IDatagramSocket Socket => _socket ?? throw new InvalidOperationException("the server is not started");

    /// <summary>The Wireshark protocol name of the evidence, e.g. "dhcp", "dhcpv6", "dns".</summary>
    protected abstract string Protocol { get; }
    /// <summary>The evidence service for input that did not decode (there is no message to say whose it is).</summary>
    protected abstract string DefaultService { get; }

    protected abstract TMessage Decode(ReadOnlySpan<byte> payload);
    protected abstract byte[] Encode(TMessage message);
    protected abstract string KindOf(TMessage message);
    protected abstract IReadOnlyDictionary<string, string> FieldsOf(TMessage message);
    protected abstract (string Service, Decision<TMessage> Decision) Decide(TMessage message, Datagram datagram);

    /// <summary>Opens the socket; call on the actor context.</summary>
    public virtual void Start()
    {
        _socket = Runtime.Host.OpenUdp(_bind);
        _socket.Received = OnDatagram;
        OnStarted(_socket);
    }

    protected virtual void OnStarted(IDatagramSocket socket) { }

    void OnDatagram(Datagram datagram)
    {
        var local = new IPEndPoint(datagram.Destination.Address, Socket.LocalEndPoint.Port);
        TMessage message;
        try { message = Decode(datagram.Payload.Span); }
        catch (ParseError e)
        {
            Runtime.Evidence.Publish(DefaultService, Direction.Received, local, datagram.Source, Protocol, "undecodable",
                new Dictionary<string, string>(), null, datagram.Payload, error: e.Message);
            return;
        }
        string service = DefaultService;
        Decision<TMessage> decision;
        try { (service, decision) = Decide(message, datagram); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A decision the data cannot support (e.g. an override naming an unknown identity) is the
            // harness's error, recorded beside the request rather than thrown into the fabric.
            Runtime.Evidence.Publish(service, Direction.Received, local, datagram.Source, Protocol, KindOf(message), FieldsOf(message), message,
                datagram.Payload, error: $"headend: {e.Message}");
            return;
        }
        Runtime.Evidence.Publish(service, Direction.Received, local, datagram.Source, Protocol, KindOf(message), FieldsOf(message), message,
            datagram.Payload, decision.Notes);
        Dispatch(service, decision);
    }

    /// <summary>Sends the planned replies, each after its delay; called once the request is in the evidence, so a reply never precedes it there.</summary>
    protected virtual void Dispatch(string service, Decision<TMessage> decision)
    {
        foreach (var reply in decision.Replies)
            Scheduler.After(reply.Delay, () => Send(service, reply));
    }

    /// <summary>Encodes, sends and publishes one reply.</summary>
    protected void Send(string service, PlannedReply<TMessage> reply)
    {
        var bytes = Encode(reply.Message);
        Socket.Send(bytes, reply.Destination, reply.Source);
        var local = new IPEndPoint(reply.Source ?? Socket.LocalEndPoint.Address, Socket.LocalEndPoint.Port);
        Runtime.Evidence.Publish(service, Direction.Sent, local, reply.Destination, Protocol, reply.Kind, FieldsOf(reply.Message), reply.Message, bytes,
            reply.Identity is null ? null : [$"as server '{reply.Identity}'"]);
    }

    public virtual ValueTask DisposeAsync()
    {
        Scheduler.Dispose();
        _socket?.Dispose();
        _socket = null;
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
