using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Setup;

/// <summary>
/// How the operator's network is set up before the E-UE starts: which IP mode the CMTS gives the eCM, which
/// flow the eUE's realm selects (option 122.6 / CCCV6.6), and which IP mode the eCM's server asks the eUE to use
/// (Table 4). A scenario that needs a mode the DUT does not claim is not applicable, with the ICS line.
/// </summary>
[Binding]
public sealed class ProvisioningSetupSteps(LabPlan plan, DutProfile profile)
{
    [Given(@"^the eCM is provisioned in (IPv4|IPv6) mode$")]
    public void GivenTheEcmMode(string mode)
    {
        var ip = Mode(mode);
        Require(ip == IpAddressingMode.Ipv4 ? "ecm-ipv4" : "ecm-ipv6");
        plan.EcmProvisioning = ip == IpAddressingMode.Ipv4 ? EcmProvisioning.Ipv4 : EcmProvisioning.Ipv6;
    }

    [Given(@"^the eCM is provisioned dual-stack with (IPv4|IPv6) as its primary mode$")]
    public void GivenTheEcmDualStack(string primary)
    {
        Require("ecm-ipv4");
        Require("ecm-ipv6");
        plan.EcmProvisioning = EcmProvisioning.DualStack(Mode(primary));
    }

    /// <summary>The realm selects the flow (Table 5 fork note; PKT-PROV1.5); the eCM's server prefers the mode (Table 4).</summary>
    [Given(@"^the eUE is provisioned with the (BASIC\.1|BASIC\.2|HYBRID\.1|HYBRID\.2) flow in (IPv4|IPv6) mode$")]
    public void GivenTheFlowAndMode(string realm, string mode)
    {
        var ip = Mode(mode);
        Require(ip == IpAddressingMode.Ipv4 ? "ipv4" : "ipv6");
        plan.Realm = realm;
        plan.PreferEueMode(ip);
        // The eUE's mode is the eCM's servers' choice; with one eCM mode enough, use the one the eCM has.
        if (!profile.Has("ecm-ipv4")) plan.EcmProvisioning = EcmProvisioning.Ipv6;
    }

    /// <summary>
    /// For requirements that hold in either IP mode: IPv4 when the eUE supports it, else IPv6, so that an
    /// IPv4-only and an IPv6-only eUE are both judged (a dual-stack eUE in IPv4, as before).
    /// </summary>
    [Given(@"^the eUE is provisioned with the (BASIC\.1|BASIC\.2|HYBRID\.1|HYBRID\.2) flow in a mode it supports$")]
    public void GivenTheFlowInASupportedMode(string realm) => GivenTheFlowAndMode(realm, profile.Has("ipv4") ? "IPv4" : "IPv6");

    static IpAddressingMode Mode(string text) => text == "IPv4" ? IpAddressingMode.Ipv4 : IpAddressingMode.Ipv6;

    void Require(string item)
    {
        if (profile.Has(item)) return;
        int line = profile.IcsLines.GetValueOrDefault(item);
        throw ScenarioContext.NotApplicable($"the scenario needs ICS '{item}', which the profile answers 'no' ({Path.GetFileName(profile.Path)}:{line})");
    }
}
