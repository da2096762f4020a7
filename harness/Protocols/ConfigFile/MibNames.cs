namespace EUeConformance.Protocols.ConfigFile;

/// <summary>One MIB object: module, descriptor, OID (without instance), SYNTAX as the module writes it.</summary>
public sealed record MibObject(string Module, string Name, string Oid, string Syntax)
{
    /// <summary>The instance OID for numeric index sub-identifiers (scalars take 0).</summary>
    public string Instance(params uint[] index) => ObjectIdentifiers.Instance(Oid, index);

    /// <summary>
    /// The instance OID for a string index (RFC 2578 §7.7): each octet an arc, preceded by the length
    /// unless the index is IMPLIED (as pktcMtaDevRealmName is in the CableLabs realm table).
    /// </summary>
    public string InstanceOfString(string index, bool implied)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(index);
        var arcs = new List<uint>(bytes.Length + 1);
        if (!implied) arcs.Add((uint)bytes.Length);
        arcs.AddRange(bytes.Select(b => (uint)b));
        return Instance([.. arcs]);
    }

    public override string ToString() => $"{Module}::{Name}";
}

/// <summary>
/// Names of the MIB objects the provisioning flows put in the eUE configuration file (realm and CMS
/// rows, pktcMtaDevEnabled, the syslog and event controls, the eUE device and user tables) and set
/// by SNMP around it (config file URL, hash, key), so that evidence can show names instead of OIDs.
/// Every entry was computed from the module texts in shared/reference/mibs (the test
/// MibNamesTests re-derives each OID from those files). Two MTA MIB variants exist and the spec does
/// not say which OIDs PKT-EUE-DATA mandates, so both are listed, each under its module.
/// </summary>
public static class MibNames
{
    /// <summary>RFC 4682 PKTC-IETF-MTA-MIB (mib-2 140): the layout where pktcMtaDevRealmName is a column, as EUE-PROV 6.4.2.1 describes.</summary>
    public static class IetfMta
    {
        public const string Module = "PKTC-IETF-MTA-MIB";
        public static readonly MibObject PktcMtaDevEnabled = new(Module, "pktcMtaDevEnabled", "1.3.6.1.2.1.140.1.1.6", "TruthValue");
        public static readonly MibObject PktcMtaDevProvisioningTimer = new(Module, "pktcMtaDevProvisioningTimer", "1.3.6.1.2.1.140.1.1.10", "Unsigned32 (0..30)");
        public static readonly MibObject PktcMtaDevProvisioningState = new(Module, "pktcMtaDevProvisioningState", "1.3.6.1.2.1.140.1.1.8", "INTEGER");
        public static readonly MibObject PktcMtaDevConfigFile = new(Module, "pktcMtaDevConfigFile", "1.3.6.1.2.1.140.1.2.9", "SnmpAdminString");
        public static readonly MibObject PktcMtaDevProvConfigHash = new(Module, "pktcMtaDevProvConfigHash", "1.3.6.1.2.1.140.1.2.11", "OCTET STRING (SIZE(20))");
        public static readonly MibObject PktcMtaDevProvConfigKey = new(Module, "pktcMtaDevProvConfigKey", "1.3.6.1.2.1.140.1.2.12", "OCTET STRING (SIZE(32))");
        public static readonly MibObject PktcMtaDevProvConfigEncryptAlg = new(Module, "pktcMtaDevProvConfigEncryptAlg", "1.3.6.1.2.1.140.1.2.13", "PktcMtaDevProvEncryptAlg");
        public static readonly MibObject PktcMtaDevProvSolicitedKeyTimeout = new(Module, "pktcMtaDevProvSolicitedKeyTimeout", "1.3.6.1.2.1.140.1.2.14", "Unsigned32 (0..180)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevProvUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.2.15", "Unsigned32 (0..600)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevProvUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.2.16", "Unsigned32 (0..600)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevProvUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.2.17", "Unsigned32 (0..32)");
        public static readonly MibObject PktcMtaDevRealmIndex = new(Module, "pktcMtaDevRealmIndex", "1.3.6.1.2.1.140.1.3.6.1.1", "Unsigned32 (1..64)");
        public static readonly MibObject PktcMtaDevRealmName = new(Module, "pktcMtaDevRealmName", "1.3.6.1.2.1.140.1.3.6.1.2", "SnmpAdminString (SIZE(1..255))");
        public static readonly MibObject PktcMtaDevRealmPkinitGracePeriod = new(Module, "pktcMtaDevRealmPkinitGracePeriod", "1.3.6.1.2.1.140.1.3.6.1.3", "Unsigned32 (15..600)");
        public static readonly MibObject PktcMtaDevRealmTgsGracePeriod = new(Module, "pktcMtaDevRealmTgsGracePeriod", "1.3.6.1.2.1.140.1.3.6.1.4", "Unsigned32 (1..600)");
        public static readonly MibObject PktcMtaDevRealmOrgName = new(Module, "pktcMtaDevRealmOrgName", "1.3.6.1.2.1.140.1.3.6.1.5", "LongUtf8String");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevRealmUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.3.6.1.6", "Unsigned32 (1..600)");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevRealmUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.3.6.1.7", "Unsigned32 (100..600000)");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevRealmUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.3.6.1.8", "Unsigned32 (0..1024)");
        public static readonly MibObject PktcMtaDevRealmStatus = new(Module, "pktcMtaDevRealmStatus", "1.3.6.1.2.1.140.1.3.6.1.9", "RowStatus");
        public static readonly MibObject PktcMtaDevCmsIndex = new(Module, "pktcMtaDevCmsIndex", "1.3.6.1.2.1.140.1.3.8.1.1", "Unsigned32 (1..128)");
        public static readonly MibObject PktcMtaDevCmsFqdn = new(Module, "pktcMtaDevCmsFqdn", "1.3.6.1.2.1.140.1.3.8.1.2", "SnmpAdminString (SIZE(1..255))");
        public static readonly MibObject PktcMtaDevCmsKerbRealmName = new(Module, "pktcMtaDevCmsKerbRealmName", "1.3.6.1.2.1.140.1.3.8.1.3", "SnmpAdminString (SIZE(1..255))");
        public static readonly MibObject PktcMtaDevCmsMaxClockSkew = new(Module, "pktcMtaDevCmsMaxClockSkew", "1.3.6.1.2.1.140.1.3.8.1.4", "Unsigned32 (1..1800)");
        public static readonly MibObject PktcMtaDevCmsSolicitedKeyTimeout = new(Module, "pktcMtaDevCmsSolicitedKeyTimeout", "1.3.6.1.2.1.140.1.3.8.1.5", "Unsigned32 (100..30000)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevCmsUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.3.8.1.6", "Unsigned32 (1..600)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevCmsUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.3.8.1.7", "Unsigned32 (100..30000)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevCmsUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.3.8.1.8", "Unsigned32 (0..1024)");
        public static readonly MibObject PktcMtaDevCmsIpsecCtrl = new(Module, "pktcMtaDevCmsIpsecCtrl", "1.3.6.1.2.1.140.1.3.8.1.9", "TruthValue");
        public static readonly MibObject PktcMtaDevCmsStatus = new(Module, "pktcMtaDevCmsStatus", "1.3.6.1.2.1.140.1.3.8.1.10", "RowStatus");
        public static readonly MibObject PktcMtaDevResetKrbTickets = new(Module, "pktcMtaDevResetKrbTickets", "1.3.6.1.2.1.140.1.3.9", "BITS");
    }

    /// <summary>CableLabs PKTC-MTA-MIB (4491.2.2.1): the PKT-PROV1.5 layout, realm table indexed by the IMPLIED realm name.</summary>
    public static class ClabMta
    {
        public const string Module = "PKTC-MTA-MIB";
        public static readonly MibObject PktcMtaDevEnabled = new(Module, "pktcMtaDevEnabled", "1.3.6.1.4.1.4491.2.2.1.1.1.7", "TruthValue");
        public static readonly MibObject PktcMtaDevProvisioningTimer = new(Module, "pktcMtaDevProvisioningTimer", "1.3.6.1.4.1.4491.2.2.1.1.1.11", "Integer32 (0..30)");
        public static readonly MibObject PktcMtaDevProvisioningState = new(Module, "pktcMtaDevProvisioningState", "1.3.6.1.4.1.4491.2.2.1.1.1.9", "INTEGER");
        public static readonly MibObject PktcMtaDevConfigFile = new(Module, "pktcMtaDevConfigFile", "1.3.6.1.4.1.4491.2.2.1.1.2.5", "SnmpAdminString");
        public static readonly MibObject PktcMtaDevProvConfigHash = new(Module, "pktcMtaDevProvConfigHash", "1.3.6.1.4.1.4491.2.2.1.1.2.7", "OCTET STRING (SIZE(16|20))");
        public static readonly MibObject PktcMtaDevProvConfigKey = new(Module, "pktcMtaDevProvConfigKey", "1.3.6.1.4.1.4491.2.2.1.1.2.8", "OCTET STRING (SIZE(0|8))");
        public static readonly MibObject PktcMtaDevProvSolicitedKeyTimeout = new(Module, "pktcMtaDevProvSolicitedKeyTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.9", "Integer32 (15..600)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevProvUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.10", "Integer32 (15..600)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevProvUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.11", "Integer32 (15..600)");
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevProvUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.2.13", "Integer32 (1..32)");
        public static readonly MibObject PktcMtaDevRealmName = new(Module, "pktcMtaDevRealmName", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.1", "SnmpAdminString(SIZE(1..255))");
        public static readonly MibObject PktcMtaDevRealmPkinitGracePeriod = new(Module, "pktcMtaDevRealmPkinitGracePeriod", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.2", "Integer32 (15..600)");
        public static readonly MibObject PktcMtaDevRealmTgsGracePeriod = new(Module, "pktcMtaDevRealmTgsGracePeriod", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.3", "Integer32 (1..600)");
        public static readonly MibObject PktcMtaDevRealmOrgName = new(Module, "pktcMtaDevRealmOrgName", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4", "OCTET STRING (SIZE (1..64))");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevRealmUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.5", "Integer32 (1..600)");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevRealmUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.6", "Integer32 (100..600000)");
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevRealmUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.8", "Integer32 (0..1024)");
        public static readonly MibObject PktcMtaDevRealmStatus = new(Module, "pktcMtaDevRealmStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.9", "RowStatus");
        public static readonly MibObject PktcMtaDevCmsFqdn = new(Module, "pktcMtaDevCmsFqdn", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.1", "SnmpAdminString (SIZE(1..255))");
        public static readonly MibObject PktcMtaDevCmsKerbRealmName = new(Module, "pktcMtaDevCmsKerbRealmName", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.2", "SnmpAdminString (SIZE(1..255))");
        public static readonly MibObject PktcMtaDevCmsMaxClockSkew = new(Module, "pktcMtaDevCmsMaxClockSkew", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.3", "Integer32 (1..1800)");
        public static readonly MibObject PktcMtaDevCmsSolicitedKeyTimeout = new(Module, "pktcMtaDevCmsSolicitedKeyTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.4", "Integer32 (100..30000)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxTimeout = new(Module, "pktcMtaDevCmsUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.5", "Integer32 (1..600)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyNomTimeout = new(Module, "pktcMtaDevCmsUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.6", "Integer32 (100..30000)");
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxRetries = new(Module, "pktcMtaDevCmsUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.8", "Integer32 (0..1024)");
        public static readonly MibObject PktcMtaDevCmsStatus = new(Module, "pktcMtaDevCmsStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.9", "RowStatus");
        public static readonly MibObject PktcMtaDevCmsIpsecCtrl = new(Module, "pktcMtaDevCmsIpsecCtrl", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.10", "TruthValue");
        public static readonly MibObject PktcMtaDevResetKrbTickets = new(Module, "pktcMtaDevResetKrbTickets", "1.3.6.1.4.1.4491.2.2.1.1.3.19", "BITS");
    }

    /// <summary>PKTC-EVENT-MIB of PKT-SP-EVEMIB1.5 (2005-01-28), which CL-PKTC-EUE-EVENT-MIB imports for the eUE. The 2002 revision in mibs/PKTC-EVENT-MIB numbers the syslog objects one higher; it is not used.</summary>
    public static class Event
    {
        public const string Module = "PKTC-EVENT-MIB";
        public static readonly MibObject PktcDevEvControl = new(Module, "pktcDevEvControl", "1.3.6.1.4.1.4491.2.2.3.1.1", "BITS");
        public static readonly MibObject PktcDevEvSyslogAddressType = new(Module, "pktcDevEvSyslogAddressType", "1.3.6.1.4.1.4491.2.2.3.1.2", "InetAddressType");
        public static readonly MibObject PktcDevEvSyslogAddress = new(Module, "pktcDevEvSyslogAddress", "1.3.6.1.4.1.4491.2.2.3.1.3", "InetAddress");
        public static readonly MibObject PktcDevEvSyslogUdpPort = new(Module, "pktcDevEvSyslogUdpPort", "1.3.6.1.4.1.4491.2.2.3.1.4", "InetPortNumber");
        public static readonly MibObject PktcDevEvThrottleAdminStatus = new(Module, "pktcDevEvThrottleAdminStatus", "1.3.6.1.4.1.4491.2.2.3.2.1", "INTEGER");
        public static readonly MibObject PktcDevEvThrottleThreshold = new(Module, "pktcDevEvThrottleThreshold", "1.3.6.1.4.1.4491.2.2.3.2.2", "Unsigned32");
        public static readonly MibObject PktcDevEvThrottleInterval = new(Module, "pktcDevEvThrottleInterval", "1.3.6.1.4.1.4491.2.2.3.2.3", "Unsigned32");
        public static readonly MibObject PktcDevEventDescrLevel = new(Module, "pktcDevEventDescrLevel", "1.3.6.1.4.1.4491.2.2.3.4.1.1.4", "INTEGER");
        public static readonly MibObject PktcDevEventDescrReporting = new(Module, "pktcDevEventDescrReporting", "1.3.6.1.4.1.4491.2.2.3.4.1.1.5", "BITS");
    }

    /// <summary>CL-PKTC-EUE-DEV-MIB (4491.2.2.10.3).</summary>
    public static class EueDev
    {
        public const string Module = "CL-PKTC-EUE-DEV-MIB";
        public static readonly MibObject PktcEUEDevOpDomain = new(Module, "pktcEUEDevOpDomain", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.2", "InetAddressDNS");
        public static readonly MibObject PktcEUEDevOpSTUNAddrType = new(Module, "pktcEUEDevOpSTUNAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.3", "InetAddressType");
        public static readonly MibObject PktcEUEDevOpSTUNAddr = new(Module, "pktcEUEDevOpSTUNAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.4", "InetAddress");
        public static readonly MibObject PktcEUEDevOpSTUNAddrPort = new(Module, "pktcEUEDevOpSTUNAddrPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.5", "InetPortNumber");
        public static readonly MibObject PktcEUEDevOpRowStatus = new(Module, "pktcEUEDevOpRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.11", "RowStatus");
        public static readonly MibObject PktcEUEDevDnsAddrType = new(Module, "pktcEUEDevDnsAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.2", "InetAddressType");
        public static readonly MibObject PktcEUEDevDnsAddr = new(Module, "pktcEUEDevDnsAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.3", "InetAddress");
        public static readonly MibObject PktcEUEDevDnsRowStatus = new(Module, "pktcEUEDevDnsRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.4", "RowStatus");
        public static readonly MibObject PktcEUEDevPCSCFAddrType = new(Module, "pktcEUEDevPCSCFAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.2", "InetAddressType");
        public static readonly MibObject PktcEUEDevPCSCFAddr = new(Module, "pktcEUEDevPCSCFAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.3", "InetAddress");
        public static readonly MibObject PktcEUEDevPCSCFSipPort = new(Module, "pktcEUEDevPCSCFSipPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.4", "InetPortNumber");
        public static readonly MibObject PktcEUEDevPCSCFRowStatus = new(Module, "pktcEUEDevPCSCFRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.12", "RowStatus");
        public static readonly MibObject PktcEUECBEnable = new(Module, "pktcEUECBEnable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.7", "TruthValue");
        public static readonly MibObject PktcEUEDevSipPort = new(Module, "pktcEUEDevSipPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.9", "InetPortNumber");
    }

    /// <summary>CL-PKTC-EUE-USER-MIB (4491.2.2.10.4).</summary>
    public static class EueUser
    {
        public const string Module = "CL-PKTC-EUE-USER-MIB";
        public static readonly MibObject PktcEUEUsrIMPUIdType = new(Module, "pktcEUEUsrIMPUIdType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.2", "PktcEUETCIDType");
        public static readonly MibObject PktcEUEUsrIMPUId = new(Module, "pktcEUEUsrIMPUId", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.3", "PktcEUETCID");
        public static readonly MibObject PktcEUEUsrIMPUIMPIIndexRef = new(Module, "pktcEUEUsrIMPUIMPIIndexRef", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.4", "PktcEUETCUsrElementIndexType");
        public static readonly MibObject PktcEUEUsrIMPUAdminStat = new(Module, "pktcEUEUsrIMPUAdminStat", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.7", "PktcEUETCAdminStatus");
        public static readonly MibObject PktcEUEUsrIMPURowStatus = new(Module, "pktcEUEUsrIMPURowStatus", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.13", "RowStatus");
        public static readonly MibObject PktcEUEUsrIMPIIdType = new(Module, "pktcEUEUsrIMPIIdType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.2", "PktcEUETCIDType");
        public static readonly MibObject PktcEUEUsrIMPIId = new(Module, "pktcEUEUsrIMPIId", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.3", "PktcEUETCID");
        public static readonly MibObject PktcEUEUsrIMPICredsType = new(Module, "pktcEUEUsrIMPICredsType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.4", "PktcEUETCCredsType");
        public static readonly MibObject PktcEUEUsrIMPICredentials = new(Module, "pktcEUEUsrIMPICredentials", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.5", "PktcEUETCCreds");
        public static readonly MibObject PktcEUEUsrIMPIRowStatus = new(Module, "pktcEUEUsrIMPIRowStatus", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.6", "RowStatus");
    }
    public static IReadOnlyList<MibObject> All { get; } = Collect();

    static List<MibObject> Collect() =>
        new[] { typeof(IetfMta), typeof(ClabMta), typeof(Event), typeof(EueDev), typeof(EueUser) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.FieldType == typeof(MibObject))
            .Select(f => (MibObject)f.GetValue(null)!)
            .ToList();

    /// <summary>The object <paramref name="oid"/> is an instance of (longest prefix), with the index part.</summary>
    public static (MibObject Object, string Index)? Lookup(string oid)
    {
        MibObject? best = null;
        foreach (var o in All)
            if (ObjectIdentifiers.StartsWith(oid, o.Oid) && (best is null || o.Oid.Length > best.Oid.Length))
                best = o;
        if (best is null) return null;
        return (best, oid.Length > best.Oid.Length ? oid[(best.Oid.Length + 1)..] : "");
    }

    /// <summary>"PKTC-IETF-MTA-MIB::pktcMtaDevRealmOrgName.1", or the OID itself when it is not in the table.</summary>
    public static string Describe(string oid) =>
        Lookup(oid) is { } hit ? $"{hit.Object}{(hit.Index.Length > 0 ? "." + hit.Index : "")}" : oid;
}
