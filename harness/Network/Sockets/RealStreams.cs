using System.Net;
using System.Net.Sockets;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Sockets;

/// <summary>A connected TCP socket seen through the fabric's addressing (logical on loopback, real elsewhere).</summary>
internal sealed class RealStreamConnection(Socket socket, IPEndPoint localEndPoint, IPEndPoint remoteEndPoint, TcpCaptureEnd capture, Action? onClosed = null) : IStreamConnection
{
    readonly CapturedStream _stream = new(new NetworkStream(socket, ownsSocket: true), capture);

    public IPEndPoint LocalEndPoint { get; } = localEndPoint;
    public IPEndPoint RemoteEndPoint { get; } = remoteEndPoint;
    public Stream Stream => _stream;

    public ValueTask DisposeAsync()
    {
        try { socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { } catch (ObjectDisposedException) { }
        _stream.Dispose();
        onClosed?.Invoke();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A listening TCP socket whose accept loop runs on the thread pool and hands every accepted
/// connection to the actor context; <paramref name="wrap"/> gives it the fabric's addressing and
/// its evidence handle.
/// </summary>
internal sealed class RealStreamListener : IStreamListener
{
    readonly Socket _socket;
    readonly CancellationTokenSource _stop = new();

    public RealStreamListener(Socket socket, IPEndPoint localEndPoint, ActorContext context,
        Func<Socket, IStreamConnection> wrap, Func<IStreamConnection, Task> onAccepted)
    {
        _socket = socket;
        LocalEndPoint = localEndPoint;
        _ = Task.Run(() => AcceptAsync(context, wrap, onAccepted));
    }

    public IPEndPoint LocalEndPoint { get; }

    async Task AcceptAsync(ActorContext context, Func<Socket, IStreamConnection> wrap, Func<IStreamConnection, Task> onAccepted)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try { accepted = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            catch (SocketException) { return; }
            var connection = wrap(accepted);
            context.DeliverTask(() => onAccepted(connection));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }
}
