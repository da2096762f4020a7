namespace EUeConformance.Device.Eue.Mib;

/// <summary>pktcMtaDevProvisioningState values (both MTA MIBs), which pktcEUEDevProvisioningStatus reports (eUE-25).</summary>
public enum ProvisioningStatus
{
    Pass = 1,
    InProgress = 2,
    FailConfigFileError = 3,
    PassWithWarnings = 4,
    PassWithIncompleteParsing = 5,
    FailureInternalError = 6,
    FailOtherReason = 7,
}

public static class ProvisioningStatusExtensions
{
    /// <summary>The MIB's named number, e.g. "passWithWarnings".</summary>
    public static string MibName(this ProvisioningStatus s) => s switch
    {
        ProvisioningStatus.Pass => "pass",
        ProvisioningStatus.InProgress => "inProgress",
        ProvisioningStatus.FailConfigFileError => "failConfigFileError",
        ProvisioningStatus.PassWithWarnings => "passWithWarnings",
        ProvisioningStatus.PassWithIncompleteParsing => "passWithIncompleteParsing",
        ProvisioningStatus.FailureInternalError => "failureInternalError",
        _ => "failOtherReason",
    };

    public static bool IsPass(this ProvisioningStatus s) => s is ProvisioningStatus.Pass or ProvisioningStatus.PassWithWarnings or ProvisioningStatus.PassWithIncompleteParsing;

    /// <summary>The worse of two outcomes (a failure beats a warning beats a pass).</summary>
    public static ProvisioningStatus Worst(this ProvisioningStatus a, ProvisioningStatus b) => Rank(a) >= Rank(b) ? a : b;

    static int Rank(ProvisioningStatus s) => s switch
    {
        ProvisioningStatus.Pass => 0,
        ProvisioningStatus.PassWithWarnings => 1,
        ProvisioningStatus.PassWithIncompleteParsing => 2,
        ProvisioningStatus.InProgress => 3,
        _ => 4,
    };
}
