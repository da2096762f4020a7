using System.Net;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Network.Simulation;

/// <summary>A TCP listener of a simulated host: hands each completed handshake to its callback, on the actor context.</summary>
internal sealed class SimulatedTcpListener(SimulatedHost host, IPEndPoint local, Func<IStreamConnection, Task> onAccepted) : IStreamListener
{
    public IPEndPoint LocalEndPoint { get; } = local;

    internal bool IsOpen { get; private set; } = true;

    internal void Accept(TcpEnd connection)
    {
        var context = host.Fabric.Context;
        context.RunAs(host.Name, () => _ = Observe(onAccepted(connection)));

        // A connection handler that fails later is still the actor's failure: it surfaces from the run, named.
        async Task Observe(Task handling)
        {
            try { await handling; }
            catch (Exception e) { context.Post(host.Name, () => throw new ActorFailedException(host.Name, e)); }
        }
    }

    public void Dispose()
    {
        if (!IsOpen) return;
        IsOpen = false;
        host.Closed(this);
    }

    public override string ToString() => $"{host.Name} tcp listener {LocalEndPoint}";
}
