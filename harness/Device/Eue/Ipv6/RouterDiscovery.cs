using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device.Eue.Ipv6;

/// <summary>
/// EUE-PROV 6.3.4.2: after its link-local address the eUE sends Router Solicitations (RFC 2461: up to
/// MAX_RTR_SOLICITATIONS, RTR_SOLICITATION_INTERVAL apart) and acts only on valid RAs, those with M=1;
/// without one it reports failure. Overridable validity for mutants.
/// </summary>
public sealed class RouterDiscovery(DeviceContext context, INetworkHost host, DeviceTimers timers, RouterAdvertisementPolicy policy)
    : StateMachine<RouterDiscoveryState>("eue-router-discovery", context), IDisposable
{
    readonly ActorTimer _timer = new(context.Clock, context.Fault);
    int _sent;
    Action<RouterAdvertisement, IPAddress>? _done;
    Action? _failed;

    public RouterAdvertisement? Advertisement { get; private set; }
    public IPAddress? Router { get; private set; }

    public void Start(Action<RouterAdvertisement, IPAddress> done, Action failed)
    {
        _done = done;
        _failed = failed;
        _sent = 0;
        Advertisement = null;
        host.NeighborDiscovery.RouterAdvertisementReceived = OnAdvertisement;
        Solicit();
    }

    void Solicit()
    {
        host.NeighborDiscovery.SendRouterSolicitation();
        _sent++;
        TransitionTo(RouterDiscoveryState.Soliciting, $"RS {_sent} of {timers.MaxRouterSolicitations}");
        _timer.Start(timers.RouterSolicitationInterval, () =>
        {
            if (_sent < timers.MaxRouterSolicitations) { Solicit(); return; }
            // 6.3.4.2 ¶5: no valid RA within the retries: IPv6 provisioning has failed.
            TransitionTo(RouterDiscoveryState.Failed, "no valid RA (M=1) after the retries");
            _failed?.Invoke();
        });
    }

    void OnAdvertisement(RouterAdvertisement ra, IPAddress from)
    {
        if (State != RouterDiscoveryState.Soliciting) return;
        // 6.3.4.2 ¶2-4: only an RA with the M bit counts.
        if (!policy.IsValid(ra))
        {
            Note($"RA from {from} ignored: M=0");
            return;
        }
        _timer.Cancel();
        Advertisement = ra;
        Router = from;
        TransitionTo(RouterDiscoveryState.Done, $"valid RA from {from}");
        _done?.Invoke(ra, from);
    }

    public void Stop()
    {
        _timer.Cancel();
        host.NeighborDiscovery.RouterAdvertisementReceived = null;
        if (State != RouterDiscoveryState.Idle) TransitionTo(RouterDiscoveryState.Idle, "stopped");
    }

    public void Dispose() => _timer.Dispose();
}

/// <summary>EUE-PROV 6.3.4.2 ¶2-4: a valid RA is well formed (the fabric's decoder saw to that) and has M=1.</summary>
public class RouterAdvertisementPolicy
{
    public virtual bool IsValid(RouterAdvertisement ra) => ra.Managed;
}
