using EUeConformance.Device.Ecm;
using EUeConformance.Device.Eue;
using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Management;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device;

/// <summary>
/// The reference E-UE: an eCM and an eUE, each with its own MAC and its own host on the link (6.2.1.2:
/// own MAC, own IP), in one assembly (6.2.1: one monolithic image). The eCM's registration starts the eUE
/// with Table 4's decision. Everything runs on the fabric's actor context.
/// </summary>
public sealed class ReferenceDevice : IDisposable
{
    readonly Random _random;

    public ReferenceDevice(INetworkHost ecmHost, INetworkHost eueHost, TimeProvider clock, ReferenceDeviceOptions options, DeviceLog? log = null,
        Func<EueMib, INetworkHost, DeviceContext, IEueManagementInterface>? management = null)
    {
        Options = options;
        EcmHost = ecmHost;
        EueHost = eueHost;
        Log = log ?? new DeviceLog();
        Context = new DeviceContext(clock, Log);
        _random = new Random(options.Seed);
        Ecm = new EcmMachine(Context, ecmHost, options, _random);
        Mib = new EueMib();
        var services = new EueMachineServices(
            new DnsResolver(eueHost, clock, options.Timers, _random),
            new TftpDownloader(eueHost, clock, options.Timers),
            new HttpDownloader(eueHost, clock, options.Timers),
            Mib,
            new ManagementEventSender(eueHost, Context, () => Ecm.Time.UtcNow),
            management?.Invoke(Mib, eueHost, Context) ?? new SnmpManagementInterface(Mib, eueHost, Context, options, _random, options.Behaviour.SetPolicy),
            new KerberosTickets());
        Eue = new EueMachine(Context, eueHost, options, _random, services);
        // pktcMtaDevResetNow: reset once the SET's Response has left (the yield puts the reset behind it).
        services.Management.ResetRequested += () => Context.Spawn(async () => { await Task.Yield(); if (PoweredOn) Reset(); });
        Ecm.ResetRequested += () => Context.Spawn(async () => { await Task.Yield(); if (PoweredOn) Reset(); });
        // EUE-PROV 6.6.3: the eCM reports, for the eUE's eSAFE, the highest impact among the eUE's services.
        Ecm.Agent.ServiceImpact = () => options.Behaviour.ServiceImpact.Report(options.Behaviour.ServiceImpact.PerService(Eue.State, options.Capabilities.TelephonyEndpoints));
        // EUE-PROV 6.3.2.3 ¶12: the eUE's DHCP starts only once CM10/CM10v6 is complete.
        Ecm.Registered += initialization => Eue.Initialize(initialization, Ecm.Time);
    }

    public ReferenceDeviceOptions Options { get; }
    public INetworkHost EcmHost { get; }
    public INetworkHost EueHost { get; }
    public DeviceLog Log { get; }
    public DeviceContext Context { get; }
    public EcmMachine Ecm { get; }
    public EueMachine Eue { get; }
    public EueMib Mib { get; }

    public bool PoweredOn { get; private set; }

    /// <summary>Power on: the eCM starts CM1; the eUE waits for it. Call on the actor context.</summary>
    public void PowerOn()
    {
        PoweredOn = true;
        Context.Log("device", "event", "power on");
        Ecm.PowerOn();
    }

    /// <summary>Power off: every machine stops and the eUE forgets its configuration. Call on the actor context.</summary>
    public void PowerOff()
    {
        PoweredOn = false;
        Eue.Shutdown();
        Ecm.PowerOff();
        Context.Log("device", "event", "power off");
    }

    /// <summary>A reset (eCM reinitialisation, docsDevResetNow, power cycle): off, then on.</summary>
    public void Reset()
    {
        PowerOff();
        PowerOn();
    }

    public DutStatus Status => new(
        Ecm.State.ToString(),
        Eue.State.ToString(),
        Eue.ProvisioningStatus?.MibName(),
        Eue.Mode?.ToString(),
        [.. EcmHost.Addresses.Select(a => a.ToString())],
        [.. EueHost.Addresses.Select(a => a.ToString())]);

    public void Dispose()
    {
        Eue.Dispose();
        Ecm.Dispose();
    }
}
