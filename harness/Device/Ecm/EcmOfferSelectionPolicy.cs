namespace EUeConformance.Device.Ecm;

/// <summary>
/// EUE-PROV 6.3.1 Table 2 CM3 / Table 3 CM3v6: how the eCM picks among the OFFERs (ADVERTISEs) of one
/// DISCOVER (SOLICIT) round. Returns the index of the chosen candidate, or null to retry.
/// </summary>
public class EcmOfferSelectionPolicy
{
    public virtual int? Select(IReadOnlyList<EueProvisioningOptions> candidates, EueOptionRequest requested, bool eueRetriesExhausted)
    {
        if (candidates.Count == 0) return null;
        if (!requested.Any) return 0;
        // CM3: precedence to a reply holding everything requested (both options with the preference, when both were asked for).
        for (int i = 0; i < candidates.Count; i++)
            if (candidates[i].Complete(requested)) return i;
        // CM3: otherwise choose among the replies carrying at least one requested option.
        for (int i = 0; i < candidates.Count; i++)
            if (candidates[i].SatisfiesAny(requested)) return i;
        // CM3: none carries them: retry three times (the caller counts); after that take any reply.
        return eueRetriesExhausted ? 0 : null;
    }
}
