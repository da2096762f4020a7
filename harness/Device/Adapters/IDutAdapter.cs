using EUeConformance.Device.Runtime;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;

namespace EUeConformance.Device;

/// <summary>How a device is brought back to its power-on state.</summary>
public enum DutResetKind
{
    /// <summary>A reset the device performs itself (eCM reinitialisation, e.g. docsDevResetNow).</summary>
    Reset,
    /// <summary>Power removed and restored.</summary>
    PowerCycle,
}

/// <summary>
/// The Runner's handle on a device under test, whatever it is: the in-process reference E-UE (and its
/// mutants), a device on a bench (external), or firmware in an emulator (process). A test bed attaches the
/// adapter to its fabric and link, powers it on, resets it between steps, reads what the device says about
/// itself, and disposes it.
/// </summary>
public interface IDutAdapter : IAsyncDisposable
{
    /// <summary>"simulated", "external", "process" (the profile's dut.adapter).</summary>
    string Kind { get; }

    /// <summary>Connects the device to <paramref name="link"/> of <paramref name="fabric"/>; its own notable events go to <paramref name="evidence"/> as service "device".</summary>
    Task AttachAsync(IFabric fabric, ILink link, IEvidenceSink evidence, CancellationToken cancellationToken = default);

    /// <summary>
    /// The eCM's IP provisioning mode for the next power-on, which DOCSIS leaves to the CMTS (its MDD): the reference
    /// device takes it; a device on a bench follows its CMTS, and answers false unless the bench is set that way.
    /// </summary>
    Task<bool> SetEcmProvisioningAsync(Ecm.EcmProvisioning provisioning, CancellationToken cancellationToken = default);

    Task PowerOnAsync(CancellationToken cancellationToken = default);

    Task ResetAsync(DutResetKind kind, CancellationToken cancellationToken = default);

    Task PowerOffAsync(CancellationToken cancellationToken = default);

    /// <summary>What the device reports about itself (state, provisioning status, addresses).</summary>
    DutStatus Status { get; }

    /// <summary>The device-side log, as far as the adapter can see it (everything for the reference device).</summary>
    IReadOnlyList<DeviceLogEntry> Log { get; }

    event Action<DeviceLogEntry>? LogWritten;
}
