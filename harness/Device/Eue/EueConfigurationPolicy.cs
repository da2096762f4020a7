namespace EUeConformance.Device.Eue;

/// <summary>
/// How the eUE configures itself from its authoritative DHCP reply (EUE-PROV 6.4.1.1 option 122 sub-options; 6.4.1.4
/// CL_OPTION_CCCV6; the servers of 6.1.2 and 6.1.6), as read by the DHCP client. The reference device takes the reply
/// as it reads; a mutant changes what it applies.
/// </summary>
public class EueConfigurationPolicy
{
    public virtual EueIpConfiguration Configure(EueIpConfiguration fromReply) => fromReply;
}
