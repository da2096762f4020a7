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

    // ---- finer hooks (each default is the conforming behaviour; a mutant overrides one)

    /// <summary>The status a problem the parser found earns: errors <see cref="MalformedFile"/>, warnings <see cref="UnknownItem"/>.</summary>
    public virtual ProvisioningStatus ProblemSeverity(Protocols.ConfigFile.ConfigFileProblem problem) =>
        problem.Severity == Protocols.ConfigFile.ConfigFileProblemSeverity.Error ? MalformedFile : UnknownItem;
    /// <summary>Table 6: the VarBinds of TLV 11 and TLV 64 are all applied (PKT-PROV1.5), whatever object they set.</summary>
    public virtual bool AppliesVarBind(byte tlvType, Protocols.Snmp.VarBind varBind) => true;
    /// <summary>Table 6 TLV 43: what a vendor-specific TLV earns; null: skipped without a report (PKT-PROV1.5 §9.1: another vendor's data is ignored).</summary>
    public virtual ProvisioningStatus? VendorSpecific(Protocols.ConfigFile.VendorSpecific vendor) => null;
    /// <summary>RFC 2579: the RowStatus a row created from the file takes: active(1) after createAndGo(4), notInService(2) after createAndWait(5).</summary>
    public virtual int RowStatusAfterCreate(int requested) => requested == 4 ? 1 : 2;
    /// <summary>6.4.2 ¶4: a row create without its RowStatus is rejected (true: the mutant creates it anyway, still reporting it).</summary>
    public virtual bool CreatesRowWithoutRowStatus => false;
    /// <summary>6.4.2 ¶4 / PKT-PROV1.5: every problem goes into the error OIDs table.</summary>
    public virtual bool ListsInErrorTable(ConfigFileError error) => true;
    /// <summary>PKT-PROV1.5 TLV 38: 38.3 picks trap or inform and the SNMP version (absent: an SNMPv2c INFORM).</summary>
    public virtual Protocols.ConfigFile.NotificationReceiverType ReceiverType(Protocols.ConfigFile.NotificationReceiver r) =>
        r.Type ?? Protocols.ConfigFile.NotificationReceiverType.SnmpV2cInform;
    /// <summary>PKT-PROV1.5 TLV 38: 38.5, the retries of an unanswered INFORM (absent: the default).</summary>
    public virtual int ReceiverRetries(Protocols.ConfigFile.NotificationReceiver r) => r.EffectiveRetries;
    /// <summary>PKT-PROV1.5 TLV 38: 38.2, the receiver's UDP port (absent: 162).</summary>
    public virtual int ReceiverPort(Protocols.ConfigFile.NotificationReceiver r) => r.EffectiveUdpPort;
}
