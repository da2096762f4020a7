using EUeConformance.Device.Eue.Mib;

namespace EUeConformance.Device.Eue.Config;

/// <summary>
/// How hard each kind of configuration-file problem counts (PKT-PROV1.5 "MTA Configuration File" as
/// EUE-PROV 6.4.2 adapts it). Overridable: a mutant reports pass where it must not, or accepts createAndWait
/// it does not support.
/// </summary>
public class ConfigFileRules
{
    /// <summary>The file is malformed (no start/end marker, a TLV cut short, a VarBind that is not one).</summary>
    public virtual ProvisioningStatus MalformedFile => ProvisioningStatus.FailConfigFileError;
    /// <summary>A TLV type or OID the eUE does not know: ignored, reported.</summary>
    public virtual ProvisioningStatus UnknownItem => ProvisioningStatus.PassWithWarnings;
    /// <summary>A known object with a value its SYNTAX refuses, or that is not writable: ignored, reported.</summary>
    public virtual ProvisioningStatus BadValue => ProvisioningStatus.PassWithWarnings;
    /// <summary>6.4.2 ¶4: a row created without its RowStatus is rejected; the spec names passWithWarnings or failConfigFileError.</summary>
    public virtual ProvisioningStatus RowWithoutRowStatus => ProvisioningStatus.PassWithWarnings;
    /// <summary>6.4.2 ¶4: createAndWait without ICS support is a configuration-file error.</summary>
    public virtual ProvisioningStatus UnsupportedCreateAndWait => ProvisioningStatus.FailConfigFileError;
    /// <summary>6.4.2.1 bullet 4: Secure flow without pktcMtaDevRealmName and pktcMtaDevRealmOrgName in one row.</summary>
    public virtual ProvisioningStatus MissingRealmOrgName => ProvisioningStatus.FailConfigFileError;
    /// <summary>6.4.2 ¶4: whether createAndWait is accepted (the ICS item create-and-wait).</summary>
    public virtual bool AcceptsCreateAndWait(bool icsCreateAndWait) => icsCreateAndWait;
    /// <summary>6.5 bullets: which TLV 38 address counts in a mode (38.8 in IPv6, 38.1 in IPv4).</summary>
    public virtual System.Net.IPAddress? ReceiverAddress(Protocols.ConfigFile.NotificationReceiver r, Options.IpAddressingMode mode) =>
        mode == Options.IpAddressingMode.Ipv6 ? r.Ipv6Address : r.Ipv4Address;
    /// <summary>Whether the eUE takes a setting of the file at all (every known object, by default; a mutant drops some silently).</summary>
    public virtual bool Takes(Protocols.Snmp.Mibs.MibObject obj) => true;
}
