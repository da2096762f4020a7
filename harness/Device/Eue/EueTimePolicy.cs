using EUeConformance.Device.Ecm;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue;

/// <summary>
/// The eUE's time of day and what it does without it (EUE-PROV 6.3.2.3). The reference device uses it as it is; a
/// mutant overrides one rule.
/// </summary>
public class EueTimePolicy
{
    /// <summary>6.3.2.3 ¶4 bullet 3, ¶9: the eUE's time is the eCM's network time, from the moment the eCM has it.</summary>
    public virtual DateTimeOffset Now(NetworkTime time, TimeProvider clock) => time.UtcNow;

    /// <summary>6.3.2.3 ¶4 bullets 1-2: only the Secure flow waits for the time of day after DHCP.</summary>
    public virtual bool WaitsForTimeOfDay(ProvisioningFlow flow) => flow == ProvisioningFlow.Secure;

    /// <summary>6.3.2.3 ¶8: every DHCP completion without the eCM's time of day raises a management event.</summary>
    public virtual bool ReportsMissingTimeOfDay => true;

    /// <summary>6.3.2.3 ¶11: a change of the eCM's time of day raises a management event.</summary>
    public virtual bool ReportsTimeChange => true;
}
