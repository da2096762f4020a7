using System.Net;
using EUeConformance.Device.Ecm;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Device.Eue.Ipv6;

/// <summary>The verdict on one ADVERTISE (or REPLY) by the eUE-3 criteria.</summary>
public sealed record AdvertiseAssessment(Dhcp6Message Message, bool Valid, string Reason, ProvisioningFlow? Flow, bool Shutdown);

/// <summary>What eUE-3 concluded about one SOLICIT round.</summary>
public enum AdvertiseChoice
{
    /// <summary>A valid ADVERTISE was chosen: send REQUEST.</summary>
    Request,
    /// <summary>No valid ADVERTISE: the step failed, restart with eUE-1.</summary>
    NoneValid,
    /// <summary>Every valid ADVERTISE says "0.0.0.0": stop and disable the eUE until reinitialised.</summary>
    Disable,
}

/// <summary>
/// EUE-PROV 6.3.4.3 Table 5 eUE-3 (with 6.2.1.2 and 6.4.1.4): which ADVERTISEs are valid and which one the
/// eUE requests from. Overridable for mutants.
/// </summary>
public class AdvertiseSelection
{
    public virtual AdvertiseAssessment Assess(Dhcp6Message message, EueProvisioningOptions fromEcm)
    {
        AdvertiseAssessment Invalid(string why) => new(message, false, why, null, false);
        try
        {
            // 6.2.1.2 bullet 4: an offer of a link-local address is rejected.
            var ia = message.IaNa;
            var address = ia?.Addresses.FirstOrDefault()?.Address;
            if (address is null) return Invalid("no IA_NA address");
            if (address.IsIPv6LinkLocal) return Invalid($"offers the link-local address {address}");
            // eUE-3: CL_OPTION_CCCV6 with valid sub-options 1, 3 and 6.
            var cccv6 = message.CableLabs?.Cccv6;
            if (cccv6 is null) return Invalid("no CL_OPTION_CCCV6");
            if (cccv6.PrimaryDssId is not { } dss) return Invalid("CL_OPTION_CCCV6 without sub-option 1");
            var entity = cccv6.ProvSnmpEntity;
            if (entity is null) return Invalid("CL_OPTION_CCCV6 without sub-option 3");
            var realm = cccv6.KerberosRealm;
            if (string.IsNullOrEmpty(realm)) return Invalid("CL_OPTION_CCCV6 without sub-option 6");
            // 6.3.2.2, 6.4.1.4: only sub-option 1 identifies the server (sub-option 2 is ignored); it must match a DSS_ID
            // the eCM relayed, or the eCM's DSS_ID was FFFFFFFF (any server).
            if (!DssMatches(dss, fromEcm)) return Invalid($"DSS_ID {dss} is not one the eCM named");
            return new(message, true, "valid", FlowOf(realm), entity.IsShutdown);
        }
        catch (ParseError e)
        {
            return Invalid($"malformed: {e.Problem}");
        }
    }

    /// <summary>Table 5 eUE-4: where the REPLY differs from the ADVERTISE, the REPLY wins.</summary>
    public virtual Dhcp6Message ConfiguresFrom(Dhcp6Message advertise, Dhcp6Message reply) => reply;

    /// <summary>Table 5 eUE-4: a REPLY must pass the ADVERTISE validity criteria of eUE-2/eUE-3, else the step fails.</summary>
    public virtual bool ChecksReply => true;

    public static bool DssMatches(DssId advertised, EueProvisioningOptions fromEcm) =>
        (fromEcm.DssIdPrimary is { } p && p.Matches(advertised)) || (fromEcm.DssIdSecondary is { } s && s.Matches(advertised));

    public static ProvisioningFlow FlowOf(string realm) =>
        ClientConfiguration.BasicRealms.Contains(realm) ? ProvisioningFlow.Basic
        : ClientConfiguration.HybridRealms.Contains(realm) ? ProvisioningFlow.Hybrid
        : ProvisioningFlow.Secure;

    /// <summary>eUE-3 priority: not "0.0.0.0" first, then Secure, Hybrid, Basic (lower is better).</summary>
    public virtual int Priority(AdvertiseAssessment a) => a.Shutdown ? 3 : a.Flow switch
    {
        ProvisioningFlow.Secure => 0,
        ProvisioningFlow.Hybrid => 1,
        _ => 2,
    };

    public virtual (AdvertiseChoice Choice, Dhcp6Message? Chosen) Choose(IReadOnlyList<Dhcp6Message> advertises, EueProvisioningOptions fromEcm, Action<string> note)
    {
        var valid = new List<AdvertiseAssessment>();
        foreach (var m in advertises)
        {
            var a = Assess(m, fromEcm);
            if (a.Valid) valid.Add(a); else note($"ADVERTISE rejected: {a.Reason}");
        }
        // eUE-3: no valid ADVERTISE: the step fails.
        if (valid.Count == 0) return (AdvertiseChoice.NoneValid, null);
        // eUE-3: only "0.0.0.0" ADVERTISEs: go no further and disable.
        if (valid.All(a => a.Shutdown)) return (AdvertiseChoice.Disable, null);
        // eUE-3: the order of priority; among equals the first received.
        var best = valid.Where(a => !a.Shutdown).OrderBy(Priority).First();
        return (AdvertiseChoice.Request, best.Message);
    }
}
