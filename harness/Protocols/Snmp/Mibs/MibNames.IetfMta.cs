namespace EUeConformance.Protocols.Snmp.Mibs;

// Computed from the module text in shared/reference/mibs (MibNamesTests re-derives every entry).
public static partial class MibNames
{
    /// <summary>RFC 4682 PKTC-IETF-MTA-MIB (mib-2 140): the layout where pktcMtaDevRealmName is a column, as EUE-PROV 6.4.2.1 describes.</summary>
    public static class IetfMta
    {
        public const string Module = "PKTC-IETF-MTA-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcMtaDevResetNow = O("pktcMtaDevResetNow", "1.3.6.1.2.1.140.1.1.1", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevSerialNumber = O("pktcMtaDevSerialNumber", "1.3.6.1.2.1.140.1.1.2", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevSwCurrentVers = O("pktcMtaDevSwCurrentVers", "1.3.6.1.2.1.140.1.1.3", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevFQDN = O("pktcMtaDevFQDN", "1.3.6.1.2.1.140.1.1.4", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevEndPntCount = O("pktcMtaDevEndPntCount", "1.3.6.1.2.1.140.1.1.5", "Unsigned32 (1..255)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevEnabled = O("pktcMtaDevEnabled", "1.3.6.1.2.1.140.1.1.6", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevTypeIdentifier = O("pktcMtaDevTypeIdentifier", "1.3.6.1.2.1.140.1.1.7", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvisioningState = O("pktcMtaDevProvisioningState", "1.3.6.1.2.1.140.1.1.8", "INTEGER { pass (1), inProgress (2), failConfigFileError (3), passWithWarnings (4), passWithIncompleteParsing (5), failureInternalError (6), failureOtherReason (7) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevHttpAccess = O("pktcMtaDevHttpAccess", "1.3.6.1.2.1.140.1.1.9", "TruthValue", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvisioningTimer = O("pktcMtaDevProvisioningTimer", "1.3.6.1.2.1.140.1.1.10", "Unsigned32 (0..30)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvisioningCounter = O("pktcMtaDevProvisioningCounter", "1.3.6.1.2.1.140.1.1.11", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorOidIndex = O("pktcMtaDevErrorOidIndex", "1.3.6.1.2.1.140.1.1.12.1.1", "Unsigned32 (1..1024)", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevErrorOid = O("pktcMtaDevErrorOid", "1.3.6.1.2.1.140.1.1.12.1.2", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorValue = O("pktcMtaDevErrorValue", "1.3.6.1.2.1.140.1.1.12.1.3", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorReason = O("pktcMtaDevErrorReason", "1.3.6.1.2.1.140.1.1.12.1.4", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevDhcpServerAddressType = O("pktcMtaDevDhcpServerAddressType", "1.3.6.1.2.1.140.1.2.1", "InetAddressType", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDhcp1 = O("pktcMtaDevServerDhcp1", "1.3.6.1.2.1.140.1.2.2", "InetAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDhcp2 = O("pktcMtaDevServerDhcp2", "1.3.6.1.2.1.140.1.2.3", "InetAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevDnsServerAddressType = O("pktcMtaDevDnsServerAddressType", "1.3.6.1.2.1.140.1.2.4", "InetAddressType", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDns1 = O("pktcMtaDevServerDns1", "1.3.6.1.2.1.140.1.2.5", "InetAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevServerDns2 = O("pktcMtaDevServerDns2", "1.3.6.1.2.1.140.1.2.6", "InetAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevTimeServerAddressType = O("pktcMtaDevTimeServerAddressType", "1.3.6.1.2.1.140.1.2.7", "InetAddressType", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevTimeServer = O("pktcMtaDevTimeServer", "1.3.6.1.2.1.140.1.2.8", "InetAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevConfigFile = O("pktcMtaDevConfigFile", "1.3.6.1.2.1.140.1.2.9", "SnmpAdminString", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevSnmpEntity = O("pktcMtaDevSnmpEntity", "1.3.6.1.2.1.140.1.2.10", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvConfigHash = O("pktcMtaDevProvConfigHash", "1.3.6.1.2.1.140.1.2.11", "OCTET STRING (SIZE(20))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvConfigKey = O("pktcMtaDevProvConfigKey", "1.3.6.1.2.1.140.1.2.12", "OCTET STRING (SIZE(32))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvConfigEncryptAlg = O("pktcMtaDevProvConfigEncryptAlg", "1.3.6.1.2.1.140.1.2.13", "PktcMtaDevProvEncryptAlg", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvSolicitedKeyTimeout = O("pktcMtaDevProvSolicitedKeyTimeout", "1.3.6.1.2.1.140.1.2.14", "Unsigned32 (0..180)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxTimeout = O("pktcMtaDevProvUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.2.15", "Unsigned32 (0..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyNomTimeout = O("pktcMtaDevProvUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.2.16", "Unsigned32 (0..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxRetries = O("pktcMtaDevProvUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.2.17", "Unsigned32 (0..32)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvKerbRealmName = O("pktcMtaDevProvKerbRealmName", "1.3.6.1.2.1.140.1.2.18", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvState = O("pktcMtaDevProvState", "1.3.6.1.2.1.140.1.2.19", "INTEGER { operational (1), waitingForSnmpSetInfo (2), waitingForTftpAddrResponse (3), waitingForConfigFile (4) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevManufacturerCertificate = O("pktcMtaDevManufacturerCertificate", "1.3.6.1.2.1.140.1.3.1", "DocsX509ASN1DEREncodedCertificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCertificate = O("pktcMtaDevCertificate", "1.3.6.1.2.1.140.1.3.2", "DocsX509ASN1DEREncodedCertificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCorrelationId = O("pktcMtaDevCorrelationId", "1.3.6.1.2.1.140.1.3.3", "Unsigned32", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevTelephonyRootCertificate = O("pktcMtaDevTelephonyRootCertificate", "1.3.6.1.2.1.140.1.3.4", "DocsX509ASN1DEREncodedCertificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevRealmAvailSlot = O("pktcMtaDevRealmAvailSlot", "1.3.6.1.2.1.140.1.3.5", "Unsigned32 (0..64)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevRealmIndex = O("pktcMtaDevRealmIndex", "1.3.6.1.2.1.140.1.3.6.1.1", "Unsigned32 (1..64)", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevRealmName = O("pktcMtaDevRealmName", "1.3.6.1.2.1.140.1.3.6.1.2", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmPkinitGracePeriod = O("pktcMtaDevRealmPkinitGracePeriod", "1.3.6.1.2.1.140.1.3.6.1.3", "Unsigned32 (15..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmTgsGracePeriod = O("pktcMtaDevRealmTgsGracePeriod", "1.3.6.1.2.1.140.1.3.6.1.4", "Unsigned32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmOrgName = O("pktcMtaDevRealmOrgName", "1.3.6.1.2.1.140.1.3.6.1.5", "LongUtf8String", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxTimeout = O("pktcMtaDevRealmUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.3.6.1.6", "Unsigned32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyNomTimeout = O("pktcMtaDevRealmUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.3.6.1.7", "Unsigned32 (100..600000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxRetries = O("pktcMtaDevRealmUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.3.6.1.8", "Unsigned32 (0..1024)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmStatus = O("pktcMtaDevRealmStatus", "1.3.6.1.2.1.140.1.3.6.1.9", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsAvailSlot = O("pktcMtaDevCmsAvailSlot", "1.3.6.1.2.1.140.1.3.7", "Unsigned32 (0..128)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCmsIndex = O("pktcMtaDevCmsIndex", "1.3.6.1.2.1.140.1.3.8.1.1", "Unsigned32 (1..128)", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevCmsFqdn = O("pktcMtaDevCmsFqdn", "1.3.6.1.2.1.140.1.3.8.1.2", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsKerbRealmName = O("pktcMtaDevCmsKerbRealmName", "1.3.6.1.2.1.140.1.3.8.1.3", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsMaxClockSkew = O("pktcMtaDevCmsMaxClockSkew", "1.3.6.1.2.1.140.1.3.8.1.4", "Unsigned32 (1..1800)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsSolicitedKeyTimeout = O("pktcMtaDevCmsSolicitedKeyTimeout", "1.3.6.1.2.1.140.1.3.8.1.5", "Unsigned32 (100..30000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxTimeout = O("pktcMtaDevCmsUnsolicitedKeyMaxTimeout", "1.3.6.1.2.1.140.1.3.8.1.6", "Unsigned32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyNomTimeout = O("pktcMtaDevCmsUnsolicitedKeyNomTimeout", "1.3.6.1.2.1.140.1.3.8.1.7", "Unsigned32 (100..30000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxRetries = O("pktcMtaDevCmsUnsolicitedKeyMaxRetries", "1.3.6.1.2.1.140.1.3.8.1.8", "Unsigned32 (0..1024)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsIpsecCtrl = O("pktcMtaDevCmsIpsecCtrl", "1.3.6.1.2.1.140.1.3.8.1.9", "TruthValue", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCmsStatus = O("pktcMtaDevCmsStatus", "1.3.6.1.2.1.140.1.3.8.1.10", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevResetKrbTickets = O("pktcMtaDevResetKrbTickets", "1.3.6.1.2.1.140.1.3.9", "BITS { invalidateProvOnReboot (0), invalidateAllCmsOnReboot (1) }", MibAccess.ReadWrite);

        public static readonly MibTable PktcMtaDevErrorOidsTable = new(Module, "pktcMtaDevErrorOidsTable", "1.3.6.1.2.1.140.1.1.12.1", [PktcMtaDevErrorOidIndex, PktcMtaDevErrorOid, PktcMtaDevErrorValue, PktcMtaDevErrorReason], ["pktcMtaDevErrorOidIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcMtaDevRealmTable = new(Module, "pktcMtaDevRealmTable", "1.3.6.1.2.1.140.1.3.6.1", [PktcMtaDevRealmIndex, PktcMtaDevRealmName, PktcMtaDevRealmPkinitGracePeriod, PktcMtaDevRealmTgsGracePeriod, PktcMtaDevRealmOrgName, PktcMtaDevRealmUnsolicitedKeyMaxTimeout, PktcMtaDevRealmUnsolicitedKeyNomTimeout, PktcMtaDevRealmUnsolicitedKeyMaxRetries, PktcMtaDevRealmStatus], ["pktcMtaDevRealmIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcMtaDevCmsTable = new(Module, "pktcMtaDevCmsTable", "1.3.6.1.2.1.140.1.3.8.1", [PktcMtaDevCmsIndex, PktcMtaDevCmsFqdn, PktcMtaDevCmsKerbRealmName, PktcMtaDevCmsMaxClockSkew, PktcMtaDevCmsSolicitedKeyTimeout, PktcMtaDevCmsUnsolicitedKeyMaxTimeout, PktcMtaDevCmsUnsolicitedKeyNomTimeout, PktcMtaDevCmsUnsolicitedKeyMaxRetries, PktcMtaDevCmsIpsecCtrl, PktcMtaDevCmsStatus], ["pktcMtaDevCmsIndex"], ImpliedLastIndex: false);

        public static readonly MibObject PktcMtaDevErrorsTooManyErrors = O("pktcMtaDevErrorsTooManyErrors", "1.3.6.1.2.1.140.1.4.1", "OBJECT-IDENTITY", MibAccess.NotAccessible);

        public static readonly MibNotification PktcMtaDevProvisioningEnrollment = new(Module, "pktcMtaDevProvisioningEnrollment", "1.3.6.1.2.1.140.0.1", ["sysDescr", "pktcMtaDevSwCurrentVers", "pktcMtaDevTypeIdentifier", "ifPhysAddress", "pktcMtaDevCorrelationId"]);
        public static readonly MibNotification PktcMtaDevProvisioningStatus = new(Module, "pktcMtaDevProvisioningStatus", "1.3.6.1.2.1.140.0.2", ["ifPhysAddress", "pktcMtaDevCorrelationId", "pktcMtaDevProvisioningState"]);
    }

}
