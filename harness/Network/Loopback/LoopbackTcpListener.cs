using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Sockets;
using static EUeConformance.Network.Loopback.LogicalAddressing;

namespace EUeConformance.Network.Loopback;

/// <summary>
/// TCP on the loopback fabric: a logical listener is a real listener on a free port of its host's
/// loopback address; a client binds its real socket first and registers it under its logical
/// endpoint and the logical destination it dialled, so the accepting side can name both ends
/// logically. Evidence frames use the logical endpoints.
/// </summary>
internal sealed class LoopbackTcpListener : IStreamListener
{
    readonly RealStreamListener _real;

    public LoopbackTcpListener(LoopbackHost host, IPEndPoint local, Func<IStreamConnection, Task> onAccepted)
    {
        Host = host;
        LocalEndPoint = local;
        var socket = new Socket(host.RealFor(local.AddressFamily).AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (socket.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
        socket.Bind(new IPEndPoint(host.RealFor(local.AddressFamily), 0));
        socket.Listen();
        RealEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        host.Fabric.Directory.AddTcp(this);
        _real = new RealStreamListener(socket, local, host.Fabric.Context, Wrap, onAccepted);
    }

    public LoopbackHost Host { get; }
    public IPEndPoint LocalEndPoint { get; }
    public IPEndPoint RealEndPoint { get; }

    IStreamConnection Wrap(Socket accepted)
    {
        var fabric = Host.Fabric;
        var client = fabric.Directory.Logical((IPEndPoint)accepted.RemoteEndPoint!);
        var remote = Scoped(client?.Logical ?? (IPEndPoint)accepted.RemoteEndPoint!, Host.InterfaceIndex);
        var local = client?.Target ?? new IPEndPoint(IsAny(LocalEndPoint.Address) ? Host.ChooseSource(remote.Address) : LocalEndPoint.Address, LocalEndPoint.Port);
        var capture = fabric.Tcp.Attach(Host.Link.Name, isClient: false, remote, client?.Host.Mac ?? FrameSynthesis.UnknownMac, local, Host.Mac);
        return new RealStreamConnection(accepted, local, remote, capture);
    }

    public static async Task<IStreamConnection> ConnectAsync(LoopbackHost host, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var fabric = host.Fabric;
        var to = Plain(remote.Address);
        var listener = fabric.Directory.ResolveTcp(host, new IPEndPoint(to, remote.Port));
        IPEndPoint real;
        if (listener is not null) real = listener.RealEndPoint;
        else if (IsRealLoopback(to) && !fabric.Directory.IsLogical(to)) real = new IPEndPoint(to, remote.Port);
        else throw new SocketException((int)SocketError.ConnectionRefused); // no listener: the peer's RST

        var socket = new Socket(real.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        IPEndPoint? boundReal = null;
        try
        {
            if (socket.AddressFamily == AddressFamily.InterNetworkV6) socket.DualMode = false;
            socket.Bind(new IPEndPoint(real.AddressFamily == AddressFamily.InterNetworkV6 ? host.RealV6 : host.RealV4, 0));
            boundReal = (IPEndPoint)socket.LocalEndPoint!;
            var local = new IPEndPoint(host.ChooseSource(to), host.AllocatePort());
            var target = new IPEndPoint(to, remote.Port);
            fabric.Directory.MapReal(boundReal, new LoopbackDirectory.LogicalEnd(host, local, target));
            await socket.ConnectAsync(real, cancellationToken);
            var capture = fabric.Tcp.Attach(host.Link.Name, isClient: true, local, host.Mac, target, listener?.Host.Mac ?? FrameSynthesis.UnknownMac);
            var mapped = boundReal;
            return new RealStreamConnection(socket, local, Scoped(target, host.InterfaceIndex), capture, () => fabric.Directory.UnmapReal(mapped));
        }
        catch
        {
            if (boundReal is not null) fabric.Directory.UnmapReal(boundReal);
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Host.Fabric.Directory.RemoveTcp(this);
        _real.Dispose();
    }
}
