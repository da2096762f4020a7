namespace EUeConformance.Device.Eue;

/// <summary>
/// EUE-PROV 6.6.3: the "service interruption impact" the eCM reports for the eUE's eSAFE (eDOCSIS ESAFE-MIB
/// esafeDevServiceIntImpact: significant(1), none(2), unsupported(3)) is the highest impact among all of the eUE's
/// applications, services and endpoints. The reference eUE has one voice service per telephony endpoint; a
/// provisioned endpoint loses its service when the eCM's data service goes (significant), one that is not
/// provisioned loses nothing (none). Overridable: a mutant reports something else than the highest.
/// </summary>
public class ServiceImpactPolicy
{
    public const int Significant = 1, None = 2, Unsupported = 3;

    /// <summary>The impact of each service, one per endpoint.</summary>
    public virtual IReadOnlyList<int> PerService(EueState state, int endpoints) =>
        [.. Enumerable.Repeat(state == EueState.Provisioned ? Significant : None, Math.Max(1, endpoints))];

    /// <summary>What the eSAFE reports: the highest of the services' impacts (significant above none).</summary>
    public virtual int? Report(IReadOnlyList<int> perService) =>
        perService.Contains(Significant) ? Significant : perService.Contains(None) ? None : Unsupported;
}
