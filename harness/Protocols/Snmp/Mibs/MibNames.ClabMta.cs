namespace EUeConformance.Protocols.Snmp.Mibs;

// Computed from the module text in shared/reference/mibs (MibNamesTests re-derives every entry).
public static partial class MibNames
{
    /// <summary>CableLabs PKTC-MTA-MIB (4491.2.2.1): the PKT-PROV1.5 layout, realm table indexed by the IMPLIED realm name.</summary>
    public static class ClabMta
    {
        public const string Module = "PKTC-MTA-MIB";
        static MibObject O(string name, string oid, string syntax, MibAccess access) => new(Module, name, oid, syntax, access);

        public static readonly MibObject PktcMtaDevResetNow = O("pktcMtaDevResetNow", "1.3.6.1.4.1.4491.2.2.1.1.1.1", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevSerialNumber = O("pktcMtaDevSerialNumber", "1.3.6.1.4.1.4491.2.2.1.1.1.2", "SnmpAdminString(SIZE (0..128))", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevHardwareVersion = O("pktcMtaDevHardwareVersion", "1.3.6.1.4.1.4491.2.2.1.1.1.3", "SnmpAdminString(SIZE (0..48))", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevMacAddress = O("pktcMtaDevMacAddress", "1.3.6.1.4.1.4491.2.2.1.1.1.4", "MacAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevFQDN = O("pktcMtaDevFQDN", "1.3.6.1.4.1.4491.2.2.1.1.1.5", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevEndPntCount = O("pktcMtaDevEndPntCount", "1.3.6.1.4.1.4491.2.2.1.1.1.6", "Integer32 (1..255)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevEnabled = O("pktcMtaDevEnabled", "1.3.6.1.4.1.4491.2.2.1.1.1.7", "TruthValue", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevTypeIdentifier = O("pktcMtaDevTypeIdentifier", "1.3.6.1.4.1.4491.2.2.1.1.1.8", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvisioningState = O("pktcMtaDevProvisioningState", "1.3.6.1.4.1.4491.2.2.1.1.1.9", "INTEGER { pass (1), inProgress (2), failConfigFileError (3), passWithWarnings (4), passWithIncompleteParsing (5), failureInternalError (6), failOtherReason (7) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevHttpAccess = O("pktcMtaDevHttpAccess", "1.3.6.1.4.1.4491.2.2.1.1.1.10", "TruthValue", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvisioningTimer = O("pktcMtaDevProvisioningTimer", "1.3.6.1.4.1.4491.2.2.1.1.1.11", "Integer32 (0..30)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvisioningCounter = O("pktcMtaDevProvisioningCounter", "1.3.6.1.4.1.4491.2.2.1.1.1.12", "Counter32", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorOidIndex = O("pktcMtaDevErrorOidIndex", "1.3.6.1.4.1.4491.2.2.1.1.1.13.1.1", "Integer32(1..1024)", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevErrorOid = O("pktcMtaDevErrorOid", "1.3.6.1.4.1.4491.2.2.1.1.1.13.1.2", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorGiven = O("pktcMtaDevErrorGiven", "1.3.6.1.4.1.4491.2.2.1.1.1.13.1.3", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevErrorReason = O("pktcMtaDevErrorReason", "1.3.6.1.4.1.4491.2.2.1.1.1.13.1.4", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevSwCurrentVers = O("pktcMtaDevSwCurrentVers", "1.3.6.1.4.1.4491.2.2.1.1.1.14", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerBootState = O("pktcMtaDevServerBootState", "1.3.6.1.4.1.4491.2.2.1.1.2.1", "INTEGER { operational (1), disabled (2), waitingForDhcpOffer (3), waitingForDhcpResponse (4), waitingForConfig (5), refusedByCmts (6), other (7), unknown (8) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDhcp = O("pktcMtaDevServerDhcp", "1.3.6.1.4.1.4491.2.2.1.1.2.2", "IpAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDns1 = O("pktcMtaDevServerDns1", "1.3.6.1.4.1.4491.2.2.1.1.2.3", "IpAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevServerDns2 = O("pktcMtaDevServerDns2", "1.3.6.1.4.1.4491.2.2.1.1.2.4", "IpAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevConfigFile = O("pktcMtaDevConfigFile", "1.3.6.1.4.1.4491.2.2.1.1.2.5", "SnmpAdminString", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevSnmpEntity = O("pktcMtaDevSnmpEntity", "1.3.6.1.4.1.4491.2.2.1.1.2.6", "SnmpAdminString", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvConfigHash = O("pktcMtaDevProvConfigHash", "1.3.6.1.4.1.4491.2.2.1.1.2.7", "OCTET STRING (SIZE(16|20))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvConfigKey = O("pktcMtaDevProvConfigKey", "1.3.6.1.4.1.4491.2.2.1.1.2.8", "OCTET STRING (SIZE(0|8))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvSolicitedKeyTimeout = O("pktcMtaDevProvSolicitedKeyTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.9", "Integer32 (15..600)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxTimeout = O("pktcMtaDevProvUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.10", "Integer32 (15..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyNomTimeout = O("pktcMtaDevProvUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.2.11", "Integer32 (15..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMeanDev = O("pktcMtaDevProvUnsolicitedKeyMeanDev", "1.3.6.1.4.1.4491.2.2.1.1.2.12", "Integer32 (15..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvUnsolicitedKeyMaxRetries = O("pktcMtaDevProvUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.2.13", "Integer32 (1..32)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvKerbRealmName = O("pktcMtaDevProvKerbRealmName", "1.3.6.1.4.1.4491.2.2.1.1.2.14", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevProvState = O("pktcMtaDevProvState", "1.3.6.1.4.1.4491.2.2.1.1.2.15", "INTEGER { operational (1), waitingForSnmpSetInfo (2), waitingForTftpAddrResponse (3), waitingForConfigFile (4) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDhcp1 = O("pktcMtaDevServerDhcp1", "1.3.6.1.4.1.4491.2.2.1.1.2.16", "IpAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServerDhcp2 = O("pktcMtaDevServerDhcp2", "1.3.6.1.4.1.4491.2.2.1.1.2.17", "IpAddress", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevTimeServer = O("pktcMtaDevTimeServer", "1.3.6.1.4.1.4491.2.2.1.1.2.18", "IpAddress", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevManufacturerCertificate = O("pktcMtaDevManufacturerCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.1", "X509Certificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCertificate = O("pktcMtaDevCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.2", "X509Certificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevSignature = O("pktcMtaDevSignature", "1.3.6.1.4.1.4491.2.2.1.1.3.3", "OCTET STRING (SIZE (0..256))", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCorrelationId = O("pktcMtaDevCorrelationId", "1.3.6.1.4.1.4491.2.2.1.1.3.4", "Integer32", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevServProviderCertificate = O("pktcMtaDevServProviderCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.1", "X509Certificate", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevTelephonyCertificate = O("pktcMtaDevTelephonyCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.2", "X509Certificate", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevKerberosRealm = O("pktcMtaDevKerberosRealm", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.3", "OCTET STRING (SIZE (0..1280))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevKerbPrincipalName = O("pktcMtaDevKerbPrincipalName", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.4", "DisplayString (SIZE(0..40))", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevServGracePeriod = O("pktcMtaDevServGracePeriod", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.5", "Integer32 (15..600)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevLocalSystemCertificate = O("pktcMtaDevLocalSystemCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.6", "X509Certificate", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevKeyMgmtTimeout1 = O("pktcMtaDevKeyMgmtTimeout1", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.7", "Integer32 (15..600)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevKeyMgmtTimeout2 = O("pktcMtaDevKeyMgmtTimeout2", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1.8", "Integer32 (15..600)", MibAccess.ReadWrite);
        public static readonly MibObject PktcMtaDevTgsIndex = O("pktcMtaDevTgsIndex", "1.3.6.1.4.1.4491.2.2.1.1.3.8.1.1", "Integer32 (1..2147483647)", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevTgsLocation = O("pktcMtaDevTgsLocation", "1.3.6.1.4.1.4491.2.2.1.1.3.8.1.2", "DisplayString (SIZE (0..255))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevTgsStatus = O("pktcMtaDevTgsStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.8.1.3", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevTelephonyRootCertificate = O("pktcMtaDevTelephonyRootCertificate", "1.3.6.1.4.1.4491.2.2.1.1.3.9", "X509Certificate", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevRealmName = O("pktcMtaDevRealmName", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.1", "SnmpAdminString(SIZE(1..255))", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevRealmPkinitGracePeriod = O("pktcMtaDevRealmPkinitGracePeriod", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.2", "Integer32 (15..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmTgsGracePeriod = O("pktcMtaDevRealmTgsGracePeriod", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.3", "Integer32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmOrgName = O("pktcMtaDevRealmOrgName", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.4", "OCTET STRING (SIZE (1..64))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxTimeout = O("pktcMtaDevRealmUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.5", "Integer32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyNomTimeout = O("pktcMtaDevRealmUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.6", "Integer32 (100..600000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMeanDev = O("pktcMtaDevRealmUnsolicitedKeyMeanDev", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.7", "Integer32 (1..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevRealmUnsolicitedKeyMaxRetries = O("pktcMtaDevRealmUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.8", "Integer32 (0..1024)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevRealmStatus = O("pktcMtaDevRealmStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1.9", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsFqdn = O("pktcMtaDevCmsFqdn", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.1", "SnmpAdminString (SIZE(1..255))", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaDevCmsKerbRealmName = O("pktcMtaDevCmsKerbRealmName", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.2", "SnmpAdminString (SIZE(1..255))", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsMaxClockSkew = O("pktcMtaDevCmsMaxClockSkew", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.3", "Integer32 (1..1800)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsSolicitedKeyTimeout = O("pktcMtaDevCmsSolicitedKeyTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.4", "Integer32 (100..30000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxTimeout = O("pktcMtaDevCmsUnsolicitedKeyMaxTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.5", "Integer32 (1..600)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyNomTimeout = O("pktcMtaDevCmsUnsolicitedKeyNomTimeout", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.6", "Integer32 (100..30000)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMeanDev = O("pktcMtaDevCmsUnsolicitedKeyMeanDev", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.7", "Integer32 (1..600)", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaDevCmsUnsolicitedKeyMaxRetries = O("pktcMtaDevCmsUnsolicitedKeyMaxRetries", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.8", "Integer32 (0..1024)", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsStatus = O("pktcMtaDevCmsStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.9", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevCmsIpsecCtrl = O("pktcMtaDevCmsIpsecCtrl", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1.10", "TruthValue", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaCmsMapCmsFqdn = O("pktcMtaCmsMapCmsFqdn", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1.1", "DisplayString (SIZE(1..255))", MibAccess.NotAccessible);
        public static readonly MibObject PktcMtaCmsMapOperStatus = O("pktcMtaCmsMapOperStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1.2", "INTEGER { inactive (1), active (2) }", MibAccess.ReadOnly);
        public static readonly MibObject PktcMtaCmsMapAdminStatus = O("pktcMtaCmsMapAdminStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1.3", "INTEGER { inhibit (1), allow (2) }", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaCmsMapRowStatus = O("pktcMtaCmsMapRowStatus", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1.4", "RowStatus", MibAccess.ReadCreate);
        public static readonly MibObject PktcMtaDevResetKrbTickets = O("pktcMtaDevResetKrbTickets", "1.3.6.1.4.1.4491.2.2.1.1.3.19", "BITS { invalidateProvOnReboot (0), invalidateAllCmsOnReboot (1) }", MibAccess.ReadWrite);

        public static readonly MibTable PktcMtaDevErrorOidsTable = new(Module, "pktcMtaDevErrorOidsTable", "1.3.6.1.4.1.4491.2.2.1.1.1.13.1", [PktcMtaDevErrorOidIndex, PktcMtaDevErrorOid, PktcMtaDevErrorGiven, PktcMtaDevErrorReason], ["pktcMtaDevErrorOidIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcMtaDevSecurityTable = new(Module, "pktcMtaDevSecurityTable", "1.3.6.1.4.1.4491.2.2.1.1.3.5.1", [PktcMtaDevServProviderCertificate, PktcMtaDevTelephonyCertificate, PktcMtaDevKerberosRealm, PktcMtaDevKerbPrincipalName, PktcMtaDevServGracePeriod, PktcMtaDevLocalSystemCertificate, PktcMtaDevKeyMgmtTimeout1, PktcMtaDevKeyMgmtTimeout2], ["ifIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcMtaDevTgsTable = new(Module, "pktcMtaDevTgsTable", "1.3.6.1.4.1.4491.2.2.1.1.3.8.1", [PktcMtaDevTgsIndex, PktcMtaDevTgsLocation, PktcMtaDevTgsStatus], ["ifIndex", "pktcMtaDevTgsIndex"], ImpliedLastIndex: false);

        public static readonly MibTable PktcMtaDevRealmTable = new(Module, "pktcMtaDevRealmTable", "1.3.6.1.4.1.4491.2.2.1.1.3.16.1", [PktcMtaDevRealmName, PktcMtaDevRealmPkinitGracePeriod, PktcMtaDevRealmTgsGracePeriod, PktcMtaDevRealmOrgName, PktcMtaDevRealmUnsolicitedKeyMaxTimeout, PktcMtaDevRealmUnsolicitedKeyNomTimeout, PktcMtaDevRealmUnsolicitedKeyMeanDev, PktcMtaDevRealmUnsolicitedKeyMaxRetries, PktcMtaDevRealmStatus], ["pktcMtaDevRealmName"], ImpliedLastIndex: true);

        public static readonly MibTable PktcMtaDevCmsTable = new(Module, "pktcMtaDevCmsTable", "1.3.6.1.4.1.4491.2.2.1.1.3.17.1", [PktcMtaDevCmsFqdn, PktcMtaDevCmsKerbRealmName, PktcMtaDevCmsMaxClockSkew, PktcMtaDevCmsSolicitedKeyTimeout, PktcMtaDevCmsUnsolicitedKeyMaxTimeout, PktcMtaDevCmsUnsolicitedKeyNomTimeout, PktcMtaDevCmsUnsolicitedKeyMeanDev, PktcMtaDevCmsUnsolicitedKeyMaxRetries, PktcMtaDevCmsStatus, PktcMtaDevCmsIpsecCtrl], ["pktcMtaDevCmsFqdn"], ImpliedLastIndex: true);

        public static readonly MibTable PktcMtaCmsMapTable = new(Module, "pktcMtaCmsMapTable", "1.3.6.1.4.1.4491.2.2.1.1.3.18.1", [PktcMtaCmsMapCmsFqdn, PktcMtaCmsMapOperStatus, PktcMtaCmsMapAdminStatus, PktcMtaCmsMapRowStatus], ["ifIndex", "pktcMtaCmsMapCmsFqdn"], ImpliedLastIndex: false);

        public static readonly MibNotification PktcMtaDevProvisioningEnrollment = new(Module, "pktcMtaDevProvisioningEnrollment", "1.3.6.1.4.1.4491.2.2.1.2.0.1", ["sysDescr", "pktcMtaDevSwCurrentVers", "pktcMtaDevTypeIdentifier", "pktcMtaDevMacAddress", "pktcMtaDevCorrelationId"]);
        public static readonly MibNotification PktcMtaDevProvisioningStatus = new(Module, "pktcMtaDevProvisioningStatus", "1.3.6.1.4.1.4491.2.2.1.2.0.2", ["pktcMtaDevMacAddress", "pktcMtaDevCorrelationId", "pktcMtaDevProvisioningState"]);
    }

}
