namespace EUeConformance.Protocols.Snmp.Mibs;

// Computed from the module text in shared/reference/mibs (MibNamesTests re-derives every entry).
public static partial class MibNames
{
    /// <summary>CL-PKTC-EUE-DEV-MIB (4491.2.2.10.3).</summary>
    public static class EueDev
    {
        public const string Module = "CL-PKTC-EUE-DEV-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcEUEDevProfileVersion = O("pktcEUEDevProfileVersion", "1.3.6.1.4.1.4491.2.2.10.3.1.1.1", "SnmpAdminString(SIZE(0..6))", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevOpIndex = O("pktcEUEDevOpIndex", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.1", "Unsigned32(1..16)", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEDevOpDomain = O("pktcEUEDevOpDomain", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.2", "InetAddressDNS", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNAddrType = O("pktcEUEDevOpSTUNAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.3", "InetAddressType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNAddr = O("pktcEUEDevOpSTUNAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.4", "InetAddress", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNAddrPort = O("pktcEUEDevOpSTUNAddrPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.5", "InetPortNumber", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNRelayAddrType = O("pktcEUEDevOpSTUNRelayAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.6", "InetAddressType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNRelayAddr = O("pktcEUEDevOpSTUNRelayAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.7", "InetAddress", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNRelayAddrPort = O("pktcEUEDevOpSTUNRelayAddrPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.8", "InetPortNumber", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNRelayCredsType = O("pktcEUEDevOpSTUNRelayCredsType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.9", "PktcEUETCCredsType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpSTUNRelayCreds = O("pktcEUEDevOpSTUNRelayCreds", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.10", "PktcEUETCCreds", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevOpRowStatus = O("pktcEUEDevOpRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1.11", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevDnsIndex = O("pktcEUEDevDnsIndex", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.1", "Unsigned32(1..16)", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEDevDnsAddrType = O("pktcEUEDevDnsAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.2", "InetAddressType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevDnsAddr = O("pktcEUEDevDnsAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.3", "InetAddress", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevDnsRowStatus = O("pktcEUEDevDnsRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1.4", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFIndex = O("pktcEUEDevPCSCFIndex", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.1", "Unsigned32(1..16)", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEDevPCSCFAddrType = O("pktcEUEDevPCSCFAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.2", "InetAddressType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFAddr = O("pktcEUEDevPCSCFAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.3", "InetAddress", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFSipPort = O("pktcEUEDevPCSCFSipPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.4", "InetPortNumber", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFUsedProtocol = O("pktcEUEDevPCSCFUsedProtocol", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.5", "PktcEUEDevSipProtID", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevPCSCFUsedInetAddressType = O("pktcEUEDevPCSCFUsedInetAddressType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.6", "InetAddressType", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevPCSCFUsedInetAddress = O("pktcEUEDevPCSCFUsedInetAddress", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.7", "InetAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevPCSCFTimerT1 = O("pktcEUEDevPCSCFTimerT1", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.8", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFTimerT2 = O("pktcEUEDevPCSCFTimerT2", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.9", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFTimerT4 = O("pktcEUEDevPCSCFTimerT4", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.10", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFTimerTD = O("pktcEUEDevPCSCFTimerTD", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.11", "Unsigned32 (0|32000..4294967295)", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFRowStatus = O("pktcEUEDevPCSCFRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.12", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFInviteAttempts = O("pktcEUEDevPCSCFInviteAttempts", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.13", "Unsigned32(1..7)", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFMaxTime = O("pktcEUEDevPCSCFMaxTime", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.14", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFBaseTimeAllFailed = O("pktcEUEDevPCSCFBaseTimeAllFailed", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.15", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFBaseTimeAllNotFailed = O("pktcEUEDevPCSCFBaseTimeAllNotFailed", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.16", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevPCSCFSubscribeRetry = O("pktcEUEDevPCSCFSubscribeRetry", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1.17", "Unsigned32", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEDevBSFASType = O("pktcEUEDevBSFASType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1.1", "SnmpAdminString", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEDevBSFIndex = O("pktcEUEDevBSFIndex", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1.2", "Unsigned32 (1..16)", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEDevBSFAddrType = O("pktcEUEDevBSFAddrType", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1.3", "InetAddressType", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevBSFAddr = O("pktcEUEDevBSFAddr", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1.4", "InetAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEDevBSFRowStatus = O("pktcEUEDevBSFRowStatus", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1.5", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUECBSupport = O("pktcEUECBSupport", "1.3.6.1.4.1.4491.2.2.10.3.1.1.6", "TruthValue", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUECBEnable = O("pktcEUECBEnable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.7", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcEUECBData = O("pktcEUECBData", "1.3.6.1.4.1.4491.2.2.10.3.1.1.8", "OCTET STRING(SIZE(0..1023))", MibAccess.ReadWrite);
        public static readonly MibObject PktcEUEDevSipPort = O("pktcEUEDevSipPort", "1.3.6.1.4.1.4491.2.2.10.3.1.1.9", "InetPortNumber", MibAccess.ReadWrite);

        public static readonly MibTable PktcEUEDevOpTable = new(Module, "pktcEUEDevOpTable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.2.1", [PktcEUEDevOpIndex, PktcEUEDevOpDomain, PktcEUEDevOpSTUNAddrType, PktcEUEDevOpSTUNAddr, PktcEUEDevOpSTUNAddrPort, PktcEUEDevOpSTUNRelayAddrType, PktcEUEDevOpSTUNRelayAddr, PktcEUEDevOpSTUNRelayAddrPort, PktcEUEDevOpSTUNRelayCredsType, PktcEUEDevOpSTUNRelayCreds, PktcEUEDevOpRowStatus], ["pktcEUEDevOpIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcEUEDevDnsTable = new(Module, "pktcEUEDevDnsTable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.3.1", [PktcEUEDevDnsIndex, PktcEUEDevDnsAddrType, PktcEUEDevDnsAddr, PktcEUEDevDnsRowStatus], ["pktcEUEDevOpIndex", "pktcEUEDevDnsIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcEUEDevPCSCFTable = new(Module, "pktcEUEDevPCSCFTable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.4.1", [PktcEUEDevPCSCFIndex, PktcEUEDevPCSCFAddrType, PktcEUEDevPCSCFAddr, PktcEUEDevPCSCFSipPort, PktcEUEDevPCSCFUsedProtocol, PktcEUEDevPCSCFUsedInetAddressType, PktcEUEDevPCSCFUsedInetAddress, PktcEUEDevPCSCFTimerT1, PktcEUEDevPCSCFTimerT2, PktcEUEDevPCSCFTimerT4, PktcEUEDevPCSCFTimerTD, PktcEUEDevPCSCFRowStatus, PktcEUEDevPCSCFInviteAttempts, PktcEUEDevPCSCFMaxTime, PktcEUEDevPCSCFBaseTimeAllFailed, PktcEUEDevPCSCFBaseTimeAllNotFailed, PktcEUEDevPCSCFSubscribeRetry], ["pktcEUEDevOpIndex", "pktcEUEDevPCSCFIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcEUEDevBSFTable = new(Module, "pktcEUEDevBSFTable", "1.3.6.1.4.1.4491.2.2.10.3.1.1.5.1", [PktcEUEDevBSFASType, PktcEUEDevBSFIndex, PktcEUEDevBSFAddrType, PktcEUEDevBSFAddr, PktcEUEDevBSFRowStatus], ["pktcEUEDevOpIndex", "pktcEUEDevBSFASType", "pktcEUEDevBSFIndex"], ImpliedLastIndex: false);
    }


    /// <summary>CL-PKTC-EUE-USER-MIB (4491.2.2.10.4).</summary>
    public static class EueUser
    {
        public const string Module = "CL-PKTC-EUE-USER-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcEUEUsrProfileVersion = O("pktcEUEUsrProfileVersion", "1.3.6.1.4.1.4491.2.2.10.4.1.1.1", "SnmpAdminString(SIZE(0..6))", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEUsrIMPUIndex = O("pktcEUEUsrIMPUIndex", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.1", "PktcEUETCUsrElementIndexType", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEUsrIMPUIdType = O("pktcEUEUsrIMPUIdType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.2", "PktcEUETCIDType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUId = O("pktcEUEUsrIMPUId", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.3", "PktcEUETCID", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUIMPIIndexRef = O("pktcEUEUsrIMPUIMPIIndexRef", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.4", "PktcEUETCUsrElementIndexType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUDispInfo = O("pktcEUEUsrIMPUDispInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.5", "SnmpAdminString", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUOpIndexRefs = O("pktcEUEUsrIMPUOpIndexRefs", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.6", "SnmpAdminString", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUAdminStat = O("pktcEUEUsrIMPUAdminStat", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.7", "PktcEUETCAdminStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUAdminStatInfo = O("pktcEUEUsrIMPUAdminStatInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.8", "PktcEUETCStatusInfo", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPUOperStat = O("pktcEUEUsrIMPUOperStat", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.9", "PktcEUETCOperStatus", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEUsrIMPUOperStatInfo = O("pktcEUEUsrIMPUOperStatInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.10", "PktcEUETCStatusInfo", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEUsrIMPUSigSecurity = O("pktcEUEUsrIMPUSigSecurity", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.11", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcEUEUsrIMPUAdditionalInfo = O("pktcEUEUsrIMPUAdditionalInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.12", "SnmpAdminString", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPURowStatus = O("pktcEUEUsrIMPURowStatus", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1.13", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPIIndex = O("pktcEUEUsrIMPIIndex", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.1", "PktcEUETCUsrElementIndexType", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEUsrIMPIIdType = O("pktcEUEUsrIMPIIdType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.2", "PktcEUETCIDType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPIId = O("pktcEUEUsrIMPIId", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.3", "PktcEUETCID", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPICredsType = O("pktcEUEUsrIMPICredsType", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.4", "PktcEUETCCredsType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPICredentials = O("pktcEUEUsrIMPICredentials", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.5", "PktcEUETCCreds", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrIMPIRowStatus = O("pktcEUEUsrIMPIRowStatus", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1.6", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppIndex = O("pktcEUEUsrAppMapAppIndex", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.1", "PktcEUETCUsrAppIndexType", MibAccess.NotAccessible);
        public static readonly MibObject PktcEUEUsrAppMapAppOrgID = O("pktcEUEUsrAppMapAppOrgID", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.2", "PktcEUETCAppOrgIdentifier", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppIdentifier = O("pktcEUEUsrAppMapAppIdentifier", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.3", "PktcEUETCAppIdentifier", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppIndexRef = O("pktcEUEUsrAppMapAppIndexRef", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.4", "PktcEUETCUsrAppIndexType", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppAdminStat = O("pktcEUEUsrAppMapAppAdminStat", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.5", "PktcEUETCAdminStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppAdminStatInfo = O("pktcEUEUsrAppMapAppAdminStatInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.6", "PktcEUETCStatusInfo", MibAccess.ReadCreate);
        public static readonly MibObject PktcEUEUsrAppMapAppOperStat = O("pktcEUEUsrAppMapAppOperStat", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.7", "PktcEUETCOperStatus", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEUsrAppMapAppOperStatInfo = O("pktcEUEUsrAppMapAppOperStatInfo", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.8", "PktcEUETCStatusInfo", MibAccess.ReadOnly);
        public static readonly MibObject PktcEUEUsrAppMapRowStatus = O("pktcEUEUsrAppMapRowStatus", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1.9", "RowStatus", MibAccess.ReadCreate);

        public static readonly MibTable PktcEUEUsrIMPUTable = new(Module, "pktcEUEUsrIMPUTable", "1.3.6.1.4.1.4491.2.2.10.4.1.1.2.1", [PktcEUEUsrIMPUIndex, PktcEUEUsrIMPUIdType, PktcEUEUsrIMPUId, PktcEUEUsrIMPUIMPIIndexRef, PktcEUEUsrIMPUDispInfo, PktcEUEUsrIMPUOpIndexRefs, PktcEUEUsrIMPUAdminStat, PktcEUEUsrIMPUAdminStatInfo, PktcEUEUsrIMPUOperStat, PktcEUEUsrIMPUOperStatInfo, PktcEUEUsrIMPUSigSecurity, PktcEUEUsrIMPUAdditionalInfo, PktcEUEUsrIMPURowStatus], ["pktcEUEUsrIMPUIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcEUEUsrIMPITable = new(Module, "pktcEUEUsrIMPITable", "1.3.6.1.4.1.4491.2.2.10.4.1.1.3.1", [PktcEUEUsrIMPIIndex, PktcEUEUsrIMPIIdType, PktcEUEUsrIMPIId, PktcEUEUsrIMPICredsType, PktcEUEUsrIMPICredentials, PktcEUEUsrIMPIRowStatus], ["pktcEUEUsrIMPIIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcEUEUsrAppMapTable = new(Module, "pktcEUEUsrAppMapTable", "1.3.6.1.4.1.4491.2.2.10.4.1.1.4.1", [PktcEUEUsrAppMapAppIndex, PktcEUEUsrAppMapAppOrgID, PktcEUEUsrAppMapAppIdentifier, PktcEUEUsrAppMapAppIndexRef, PktcEUEUsrAppMapAppAdminStat, PktcEUEUsrAppMapAppAdminStatInfo, PktcEUEUsrAppMapAppOperStat, PktcEUEUsrAppMapAppOperStatInfo, PktcEUEUsrAppMapRowStatus], ["pktcEUEUsrIMPUIndex", "pktcEUEUsrAppMapAppIndex"], ImpliedLastIndex: false);
    }


    /// <summary>CL-PKTC-EUE-EVENT-MIB (4491.2.2.10.6).</summary>
    public static class EueEvent
    {
        public const string Module = "CL-PKTC-EUE-EVENT-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcEUEMEMVersion = O("pktcEUEMEMVersion", "1.3.6.1.4.1.4491.2.2.10.6.1.1", "SnmpAdminString(SIZE(0..6))", MibAccess.ReadOnly);
    }

}
