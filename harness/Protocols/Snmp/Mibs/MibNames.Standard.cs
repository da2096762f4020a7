namespace EUeConformance.Protocols.Snmp.Mibs;

// The standard modules every SNMP entity implements beside the PacketCable ones, from their RFCs.
// Debian ships none of these module texts (they are in the non-free snmp-mibs-downloader), so the
// tests prove these OIDs against net-snmp's snmpd, which implements them (SnmpdInteropTests).
public static partial class MibNames
{
    /// <summary>SNMPv2-MIB (RFC 3418): the system group, the snmp group counters, and the notification objects.</summary>
    public static class Snmpv2
    {
        public const string Module = "SNMPv2-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject SysDescr = O("sysDescr", "1.3.6.1.2.1.1.1", "DisplayString (SIZE (0..255))", MibAccess.ReadOnly);
        public static readonly MibObject SysObjectID = O("sysObjectID", "1.3.6.1.2.1.1.2", "OBJECT IDENTIFIER", MibAccess.ReadOnly);
        public static readonly MibObject SysUpTime = O("sysUpTime", "1.3.6.1.2.1.1.3", "TimeTicks", MibAccess.ReadOnly);
        public static readonly MibObject SysContact = O("sysContact", "1.3.6.1.2.1.1.4", "DisplayString (SIZE (0..255))", MibAccess.ReadWrite);
        public static readonly MibObject SysName = O("sysName", "1.3.6.1.2.1.1.5", "DisplayString (SIZE (0..255))", MibAccess.ReadWrite);
        public static readonly MibObject SysLocation = O("sysLocation", "1.3.6.1.2.1.1.6", "DisplayString (SIZE (0..255))", MibAccess.ReadWrite);
        public static readonly MibObject SysServices = O("sysServices", "1.3.6.1.2.1.1.7", "INTEGER (0..127)", MibAccess.ReadOnly);
        public static readonly MibObject SnmpInPkts = O("snmpInPkts", "1.3.6.1.2.1.11.1", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpInBadVersions = O("snmpInBadVersions", "1.3.6.1.2.1.11.3", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpInBadCommunityNames = O("snmpInBadCommunityNames", "1.3.6.1.2.1.11.4", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpInBadCommunityUses = O("snmpInBadCommunityUses", "1.3.6.1.2.1.11.5", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpInASNParseErrs = O("snmpInASNParseErrs", "1.3.6.1.2.1.11.6", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpEnableAuthenTraps = O("snmpEnableAuthenTraps", "1.3.6.1.2.1.11.30", "INTEGER { enabled(1), disabled(2) }", MibAccess.ReadWrite);
        public static readonly MibObject SnmpSilentDrops = O("snmpSilentDrops", "1.3.6.1.2.1.11.31", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpProxyDrops = O("snmpProxyDrops", "1.3.6.1.2.1.11.32", "Counter32", MibAccess.ReadOnly);
        /// <summary>The second varbind of every SNMPv2-Trap and InformRequest (RFC 3416 §4.2.6).</summary>
        public static readonly MibObject SnmpTrapOID = O("snmpTrapOID", "1.3.6.1.6.3.1.1.4.1", "OBJECT IDENTIFIER", MibAccess.AccessibleForNotify);
        public static readonly MibObject SnmpTrapEnterprise = O("snmpTrapEnterprise", "1.3.6.1.6.3.1.1.4.3", "OBJECT IDENTIFIER", MibAccess.AccessibleForNotify);

        public static readonly MibNotification ColdStart = new(Module, "coldStart", "1.3.6.1.6.3.1.1.5.1", []);
        public static readonly MibNotification WarmStart = new(Module, "warmStart", "1.3.6.1.6.3.1.1.5.2", []);
        public static readonly MibNotification AuthenticationFailure = new(Module, "authenticationFailure", "1.3.6.1.6.3.1.1.5.5", []);
    }

    /// <summary>DOCS-CABLE-DEVICE-MIB (RFC 4639): docsDevResetNow, the eCM reset an operator (or the external DUT adapter) SETs.</summary>
    public static class DocsCableDevice
    {
        public const string Module = "DOCS-CABLE-DEVICE-MIB";
        /// <summary>docsDevBase 3: SET true(1) resets the cable modem; reads false(2).</summary>
        public static readonly MibObject DocsDevResetNow = new(Module, "docsDevResetNow", "1.3.6.1.2.1.69.1.1.3", "TruthValue", MibAccess.ReadWrite);

        // docsDevSoftware (1.3.6.1.2.1.69.1.3, RFC 4639): the software upgrade an operator triggers over SNMP.
        /// <summary>Deprecated by RFC 4639 in favour of docsDevSwServerAddressType/Address; 0.0.0.0 when unknown or not IPv4.</summary>
        public static readonly MibObject DocsDevSwServer = new(Module, "docsDevSwServer", "1.3.6.1.2.1.69.1.3.1", "IpAddress", MibAccess.ReadWrite);
        public static readonly MibObject DocsDevSwFilename = new(Module, "docsDevSwFilename", "1.3.6.1.2.1.69.1.3.2", "OCTET STRING (SIZE (0..64))", MibAccess.ReadWrite);
        /// <summary>upgradeFromMgt(1) starts the download from the server and file above.</summary>
        public static readonly MibObject DocsDevSwAdminStatus = new(Module, "docsDevSwAdminStatus", "1.3.6.1.2.1.69.1.3.3",
            "INTEGER { upgradeFromMgt(1), allowProvisioningUpgrade(2), ignoreProvisioningUpgrade(3) }", MibAccess.ReadWrite);
        public static readonly MibObject DocsDevSwOperStatus = new(Module, "docsDevSwOperStatus", "1.3.6.1.2.1.69.1.3.4",
            "INTEGER { inProgress(1), completeFromProvisioning(2), completeFromMgt(3), failed(4), other(5) }", MibAccess.ReadOnly);
        public static readonly MibObject DocsDevSwCurrentVers = new(Module, "docsDevSwCurrentVers", "1.3.6.1.2.1.69.1.3.5", "OCTET STRING (SIZE (0..255))", MibAccess.ReadOnly);
        public static readonly MibObject DocsDevSwServerAddressType = new(Module, "docsDevSwServerAddressType", "1.3.6.1.2.1.69.1.3.6", "InetAddressType", MibAccess.ReadWrite);
        public static readonly MibObject DocsDevSwServerAddress = new(Module, "docsDevSwServerAddress", "1.3.6.1.2.1.69.1.3.7", "InetAddress", MibAccess.ReadWrite);
        public static readonly MibObject DocsDevSwServerTransportProtocol = new(Module, "docsDevSwServerTransportProtocol", "1.3.6.1.2.1.69.1.3.8",
            "INTEGER { tftp(1), http(2) }", MibAccess.ReadWrite);
    }

    /// <summary>
    /// ESAFE-MIB (eDOCSIS, CableLabs arc 1.3.6.1.4.1.4491.2.1.14): esafeDevStatusTable, indexed by the eSAFE's ifIndex (eDOCSIS
    /// gives a PacketCable eMTA/eUE ifIndex 16), reports the impact an interruption of the eCM's data service would have on the eSAFE.
    /// </summary>
    public static class Esafe
    {
        public const string Module = "ESAFE-MIB";
        /// <summary>significant(1), none(2), unsupported(3).</summary>
        public static readonly MibObject EsafeDevServiceIntImpact = new(Module, "esafeDevServiceIntImpact", "1.3.6.1.4.1.4491.2.1.14.1.1.2.1.1",
            "INTEGER { significant(1), none(2), unsupported(3) }", MibAccess.ReadOnly);
        public static readonly MibObject EsafeDevServiceIntImpactInfo = new(Module, "esafeDevServiceIntImpactInfo", "1.3.6.1.4.1.4491.2.1.14.1.1.2.1.2",
            "OCTET STRING (SIZE (0..255))", MibAccess.ReadOnly);
        /// <summary>eDOCSIS: the ifIndex of the PacketCable (eMTA / eUE) eSAFE.</summary>
        public const uint PacketCableIfIndex = 16;
    }

    /// <summary>IF-MIB (RFC 2863): ifPhysAddress, the MAC in the RFC 4682 enrollment and status notifications.</summary>
    public static class IfMib
    {
        public const string Module = "IF-MIB";
        public static readonly MibObject IfPhysAddress = new(Module, "ifPhysAddress", "1.3.6.1.2.1.2.2.1.6", "PhysAddress", MibAccess.ReadOnly);
    }

    /// <summary>SNMP-FRAMEWORK-MIB (RFC 3411 §5): this engine's identity and clock.</summary>
    public static class SnmpFramework
    {
        public const string Module = "SNMP-FRAMEWORK-MIB";
        static MibObject O(string name, string oid, string syntax) => new(Module, name, oid, syntax, MibAccess.ReadOnly);
        public static readonly MibObject SnmpEngineID = O("snmpEngineID", "1.3.6.1.6.3.10.2.1.1", "SnmpEngineID");
        public static readonly MibObject SnmpEngineBoots = O("snmpEngineBoots", "1.3.6.1.6.3.10.2.1.2", "INTEGER (1..2147483647)");
        public static readonly MibObject SnmpEngineTime = O("snmpEngineTime", "1.3.6.1.6.3.10.2.1.3", "INTEGER (0..2147483647)");
        public static readonly MibObject SnmpEngineMaxMessageSize = O("snmpEngineMaxMessageSize", "1.3.6.1.6.3.10.2.1.4", "INTEGER (484..2147483647)");
    }

    /// <summary>SNMP-MPD-MIB (RFC 3412 §5): the message processing counters.</summary>
    public static class SnmpMpd
    {
        public const string Module = "SNMP-MPD-MIB";
        static MibObject O(string name, string oid) => new(Module, name, oid, "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject SnmpUnknownSecurityModels = O("snmpUnknownSecurityModels", "1.3.6.1.6.3.11.2.1.1");
        public static readonly MibObject SnmpInvalidMsgs = O("snmpInvalidMsgs", "1.3.6.1.6.3.11.2.1.2");
        public static readonly MibObject SnmpUnknownPDUHandlers = O("snmpUnknownPDUHandlers", "1.3.6.1.6.3.11.2.1.3");
    }

    /// <summary>SNMP-USER-BASED-SM-MIB (RFC 3414 §5): the usmStats counters a Report carries.</summary>
    public static class Usm
    {
        public const string Module = "SNMP-USER-BASED-SM-MIB";
        static MibObject O(string name, string oid) => new(Module, name, oid, "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject UsmStatsUnsupportedSecLevels = O("usmStatsUnsupportedSecLevels", "1.3.6.1.6.3.15.1.1.1");
        public static readonly MibObject UsmStatsNotInTimeWindows = O("usmStatsNotInTimeWindows", "1.3.6.1.6.3.15.1.1.2");
        public static readonly MibObject UsmStatsUnknownUserNames = O("usmStatsUnknownUserNames", "1.3.6.1.6.3.15.1.1.3");
        public static readonly MibObject UsmStatsUnknownEngineIDs = O("usmStatsUnknownEngineIDs", "1.3.6.1.6.3.15.1.1.4");
        public static readonly MibObject UsmStatsWrongDigests = O("usmStatsWrongDigests", "1.3.6.1.6.3.15.1.1.5");
        public static readonly MibObject UsmStatsDecryptionErrors = O("usmStatsDecryptionErrors", "1.3.6.1.6.3.15.1.1.6");
    }

    /// <summary>SNMP-TARGET-MIB (RFC 3413 §4.1): where notifications go (address, parameters); the TLV 38 receivers end up here.</summary>
    public static class SnmpTarget
    {
        public const string Module = "SNMP-TARGET-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject SnmpTargetSpinLock = O("snmpTargetSpinLock", "1.3.6.1.6.3.12.1.1", "INTEGER (0..2147483647)", MibAccess.ReadWrite);
        public static readonly MibObject SnmpTargetAddrName = O("snmpTargetAddrName", "1.3.6.1.6.3.12.1.2.1.1", "SnmpAdminString (SIZE(1..32))", MibAccess.NotAccessible);
        public static readonly MibObject SnmpTargetAddrTDomain = O("snmpTargetAddrTDomain", "1.3.6.1.6.3.12.1.2.1.2", "TDomain", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrTAddress = O("snmpTargetAddrTAddress", "1.3.6.1.6.3.12.1.2.1.3", "TAddress", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrTimeout = O("snmpTargetAddrTimeout", "1.3.6.1.6.3.12.1.2.1.4", "TimeInterval", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrRetryCount = O("snmpTargetAddrRetryCount", "1.3.6.1.6.3.12.1.2.1.5", "Integer32 (0..255)", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrTagList = O("snmpTargetAddrTagList", "1.3.6.1.6.3.12.1.2.1.6", "SnmpTagList", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrParams = O("snmpTargetAddrParams", "1.3.6.1.6.3.12.1.2.1.7", "SnmpAdminString (SIZE(1..32))", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrStorageType = O("snmpTargetAddrStorageType", "1.3.6.1.6.3.12.1.2.1.8", "StorageType", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetAddrRowStatus = O("snmpTargetAddrRowStatus", "1.3.6.1.6.3.12.1.2.1.9", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsName = O("snmpTargetParamsName", "1.3.6.1.6.3.12.1.3.1.1", "SnmpAdminString (SIZE(1..32))", MibAccess.NotAccessible);
        public static readonly MibObject SnmpTargetParamsMPModel = O("snmpTargetParamsMPModel", "1.3.6.1.6.3.12.1.3.1.2", "SnmpMessageProcessingModel", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsSecurityModel = O("snmpTargetParamsSecurityModel", "1.3.6.1.6.3.12.1.3.1.3", "SnmpSecurityModel (1..2147483647)", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsSecurityName = O("snmpTargetParamsSecurityName", "1.3.6.1.6.3.12.1.3.1.4", "SnmpAdminString", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsSecurityLevel = O("snmpTargetParamsSecurityLevel", "1.3.6.1.6.3.12.1.3.1.5", "SnmpSecurityLevel", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsStorageType = O("snmpTargetParamsStorageType", "1.3.6.1.6.3.12.1.3.1.6", "StorageType", MibAccess.ReadCreate);
        public static readonly MibObject SnmpTargetParamsRowStatus = O("snmpTargetParamsRowStatus", "1.3.6.1.6.3.12.1.3.1.7", "RowStatus", MibAccess.ReadCreate);

        public static readonly MibTable SnmpTargetAddrTable = new(Module, "snmpTargetAddrTable", "1.3.6.1.6.3.12.1.2.1",
            [SnmpTargetAddrName, SnmpTargetAddrTDomain, SnmpTargetAddrTAddress, SnmpTargetAddrTimeout, SnmpTargetAddrRetryCount, SnmpTargetAddrTagList, SnmpTargetAddrParams, SnmpTargetAddrStorageType, SnmpTargetAddrRowStatus],
            ["snmpTargetAddrName"], ImpliedLastIndex: true);
        public static readonly MibTable SnmpTargetParamsTable = new(Module, "snmpTargetParamsTable", "1.3.6.1.6.3.12.1.3.1",
            [SnmpTargetParamsName, SnmpTargetParamsMPModel, SnmpTargetParamsSecurityModel, SnmpTargetParamsSecurityName, SnmpTargetParamsSecurityLevel, SnmpTargetParamsStorageType, SnmpTargetParamsRowStatus],
            ["snmpTargetParamsName"], ImpliedLastIndex: true);

        /// <summary>snmpUDPDomain (SNMPv2-TM, RFC 3417 §2), the TDomain of a UDP/IPv4 target; its TAddress is 4 octets of address and 2 of port.</summary>
        public static readonly ObjectIdentifier SnmpUdpDomain = ObjectIdentifier.Parse("1.3.6.1.6.1.1");
    }

    /// <summary>SNMP-NOTIFICATION-MIB (RFC 3413 §4.2): which targets get traps or informs, and filters.</summary>
    public static class SnmpNotification
    {
        public const string Module = "SNMP-NOTIFICATION-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject SnmpNotifyName = O("snmpNotifyName", "1.3.6.1.6.3.13.1.1.1.1", "SnmpAdminString (SIZE(1..32))", MibAccess.NotAccessible);
        public static readonly MibObject SnmpNotifyTag = O("snmpNotifyTag", "1.3.6.1.6.3.13.1.1.1.2", "SnmpTagValue", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyType = O("snmpNotifyType", "1.3.6.1.6.3.13.1.1.1.3", "INTEGER { trap(1), inform(2) }", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyStorageType = O("snmpNotifyStorageType", "1.3.6.1.6.3.13.1.1.1.4", "StorageType", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyRowStatus = O("snmpNotifyRowStatus", "1.3.6.1.6.3.13.1.1.1.5", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterProfileName = O("snmpNotifyFilterProfileName", "1.3.6.1.6.3.13.1.2.1.1", "SnmpAdminString (SIZE(1..32))", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterProfileStorType = O("snmpNotifyFilterProfileStorType", "1.3.6.1.6.3.13.1.2.1.2", "StorageType", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterProfileRowStatus = O("snmpNotifyFilterProfileRowStatus", "1.3.6.1.6.3.13.1.2.1.3", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterSubtree = O("snmpNotifyFilterSubtree", "1.3.6.1.6.3.13.1.3.1.1", "OBJECT IDENTIFIER", MibAccess.NotAccessible);
        public static readonly MibObject SnmpNotifyFilterMask = O("snmpNotifyFilterMask", "1.3.6.1.6.3.13.1.3.1.2", "OCTET STRING (SIZE(0..16))", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterType = O("snmpNotifyFilterType", "1.3.6.1.6.3.13.1.3.1.3", "INTEGER { included(1), excluded(2) }", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterStorageType = O("snmpNotifyFilterStorageType", "1.3.6.1.6.3.13.1.3.1.4", "StorageType", MibAccess.ReadCreate);
        public static readonly MibObject SnmpNotifyFilterRowStatus = O("snmpNotifyFilterRowStatus", "1.3.6.1.6.3.13.1.3.1.5", "RowStatus", MibAccess.ReadCreate);

        public static readonly MibTable SnmpNotifyTable = new(Module, "snmpNotifyTable", "1.3.6.1.6.3.13.1.1.1",
            [SnmpNotifyName, SnmpNotifyTag, SnmpNotifyType, SnmpNotifyStorageType, SnmpNotifyRowStatus], ["snmpNotifyName"], ImpliedLastIndex: true);
        public static readonly MibTable SnmpNotifyFilterProfileTable = new(Module, "snmpNotifyFilterProfileTable", "1.3.6.1.6.3.13.1.2.1",
            [SnmpNotifyFilterProfileName, SnmpNotifyFilterProfileStorType, SnmpNotifyFilterProfileRowStatus], ["snmpTargetParamsName"], ImpliedLastIndex: true);
        public static readonly MibTable SnmpNotifyFilterTable = new(Module, "snmpNotifyFilterTable", "1.3.6.1.6.3.13.1.3.1",
            [SnmpNotifyFilterSubtree, SnmpNotifyFilterMask, SnmpNotifyFilterType, SnmpNotifyFilterStorageType, SnmpNotifyFilterRowStatus], ["snmpNotifyFilterProfileName", "snmpNotifyFilterSubtree"], ImpliedLastIndex: true);
    }
}
