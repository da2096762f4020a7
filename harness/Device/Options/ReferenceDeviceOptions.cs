using EUeConformance.Device.Ecm;

namespace EUeConformance.Device.Options;

/// <summary>
/// Everything that makes one reference E-UE: its ICS, identity, capabilities, timers, how the eCM
/// provisions this boot, and the behaviour policies. The defaults are the conforming device of
/// profiles/reference-eue.yaml; a mutant is these options with one policy (or claim) changed.
/// </summary>
public sealed record ReferenceDeviceOptions
{
    public DeviceIcs Ics { get; init; } = new();
    public DeviceIdentity Identity { get; init; } = new();
    public EueCapabilities Capabilities { get; init; } = new();
    public DeviceTimers Timers { get; init; } = new();
    public ManagementOptions Management { get; init; } = new();
    public EcmProvisioning EcmProvisioning { get; init; } = EcmProvisioning.Ipv4;
    public DeviceBehaviour Behaviour { get; init; } = new();
    /// <summary>Seeds transaction ids and the like, so that a run is repeatable.</summary>
    public int Seed { get; init; } = 1;

    public static ReferenceDeviceOptions Default { get; } = new();
}
