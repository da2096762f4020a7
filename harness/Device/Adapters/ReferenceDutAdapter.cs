using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device;

/// <summary>
/// The in-process adapter of the reference E-UE (profile adapter "simulated"): two hosts on the test bed's link,
/// "ecm" with the eCM's MAC and "eue" with the eUE's (which forms its own link-local address: 6.3.4.1), the
/// machines running on the fabric's actor context, and the device log published as evidence.
/// </summary>
public sealed class ReferenceDutAdapter(ReferenceDeviceOptions? options = null, Func<Eue.Mib.EueMib, INetworkHost, DeviceContext, IEueManagementInterface>? management = null,
    string hostPrefix = "") : IDutAdapter
{
    readonly DeviceLog _log = new();
    IFabric? _fabric;
    INetworkHost? _ecmHost, _eueHost;

    public ReferenceDeviceOptions Options { get; private set; } = options ?? ReferenceDeviceOptions.Default;
    public string Kind => "simulated";

    /// <summary>The device, once attached (for white-box checks in the project's own tests).</summary>
    public ReferenceDevice? Device { get; private set; }

    public event Action<DeviceLogEntry>? LogWritten;

    public IReadOnlyList<DeviceLogEntry> Log => _log.Entries;
    public DutStatus Status => Device?.Status ?? DutStatus.Unknown;

    public async Task AttachAsync(IFabric fabric, ILink link, IEvidenceSink evidence, CancellationToken cancellationToken = default)
    {
        if (_fabric is not null) throw new InvalidOperationException("the adapter is already attached");
        _fabric = fabric;
        _log.Written += e => LogWritten?.Invoke(e);
        new DeviceEvidence(evidence).Attach(_log);
        _ecmHost = await fabric.AddHostAsync(link, new HostOptions(hostPrefix + "ecm", Options.Identity.EcmMac, []), cancellationToken);
        // 6.3.4.1: the eUE forms and checks its own link-local address, so the fabric must not.
        _eueHost = await fabric.AddHostAsync(link, new HostOptions(hostPrefix + "eue", Options.Identity.EueMac, []) { AutoLinkLocal = false }, cancellationToken);
        await fabric.InvokeAsync(() =>
        {
            Device = new ReferenceDevice(_ecmHost, _eueHost, fabric.Clock, Options, _log, management);
            return Task.CompletedTask;
        });
    }

    /// <summary>Rebuilds the (powered-off) device with the eCM provisioning mode the scenario's CMTS gives.</summary>
    public async Task<bool> SetEcmProvisioningAsync(Ecm.EcmProvisioning provisioning, CancellationToken cancellationToken = default)
    {
        if (_fabric is null || Device is null || _ecmHost is null || _eueHost is null) throw new InvalidOperationException("attach the adapter to a fabric first");
        if (Device.PoweredOn) throw new InvalidOperationException("set the eCM provisioning mode before power-on");
        var old = Device;
        Options = Options with { EcmProvisioning = provisioning };
        await _fabric.InvokeAsync(() =>
        {
            old.Dispose();
            Device = new ReferenceDevice(_ecmHost, _eueHost, _fabric.Clock, Options, _log, management);
            return Task.CompletedTask;
        });
        return true;
    }

    public Task PowerOnAsync(CancellationToken cancellationToken = default) => OnActor(d => d.PowerOn());

    public Task ResetAsync(DutResetKind kind, CancellationToken cancellationToken = default) => OnActor(d => d.Reset());

    public Task PowerOffAsync(CancellationToken cancellationToken = default) => OnActor(d => d.PowerOff());

    Task OnActor(Action<ReferenceDevice> action)
    {
        if (_fabric is null || Device is null) throw new InvalidOperationException("attach the adapter to a fabric first");
        var device = Device;
        return _fabric.InvokeAsync(() => { action(device); return Task.CompletedTask; });
    }

    public async ValueTask DisposeAsync()
    {
        if (_fabric is not null && Device is not null)
        {
            var device = Device;
            try { await _fabric.InvokeAsync(() => { device.Dispose(); return Task.CompletedTask; }); }
            catch (ObjectDisposedException) { }
        }
        if (_eueHost is not null) await _eueHost.DisposeAsync();
        if (_ecmHost is not null) await _ecmHost.DisposeAsync();
        Device = null;
    }
}
