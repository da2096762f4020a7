namespace EUeConformance.Device;

/// <summary>
/// What an adapter can tell about its device right now, as text the scenarios and reports show. A real
/// device fills only what it can observe (null elsewhere).
/// </summary>
public sealed record DutStatus(
    string? EcmState,
    string? EueState,
    string? ProvisioningStatus,
    string? EueAddressingMode,
    IReadOnlyList<string> EcmAddresses,
    IReadOnlyList<string> EueAddresses)
{
    public static DutStatus Unknown { get; } = new(null, null, null, null, [], []);
}
