using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// SETs the eUE refuses because of where it is in provisioning, not because of the value (overridable:
/// a mutant accepts what it must refuse). PKTC-IETF-MTA-MIB (RFC 4682) descriptions, which PKT-PROV1.5
/// points to: pktcMtaDevConfigFile and pktcMtaDevProvConfigHash are SET only by the SNMP enrollment flows
/// (Hybrid, Secure: eUE-19) and answer inconsistentValue otherwise (Basic: the file and hash come from DHCP
/// and the file itself); pktcMtaDevProvConfigKey belongs to the Secure flow alone.
/// </summary>
public class EueSetPolicy
{
    public virtual SnmpErrorStatus Check(MibObject obj, SnmpValue value, ProvisioningFlow? flow)
    {
        string name = obj.Name;
        if (name is "pktcMtaDevConfigFile" or "pktcMtaDevProvConfigHash" && flow is not (ProvisioningFlow.Hybrid or ProvisioningFlow.Secure))
            return SnmpErrorStatus.InconsistentValue;
        if (name == "pktcMtaDevProvConfigKey" && flow != ProvisioningFlow.Secure)
            return SnmpErrorStatus.InconsistentValue;
        return SnmpErrorStatus.NoError;
    }
}
