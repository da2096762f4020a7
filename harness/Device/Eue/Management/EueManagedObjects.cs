using System.Net;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Eue.Management;

/// <summary>
/// The objects the eUE itself fills in once DHCP is done (PKT-EUE-DATA via the MTA MIBs; PKT-PROV1.5): who it is
/// (serial, software version, pktcMtaDevTypeIdentifier = the option 60 string, MAC, correlation id, FQDN), where
/// its SNMP entity is, and, in the Basic flow, the configuration file location DHCP gave (RFC 4682: without
/// SNMP enrollment pktcMtaDevConfigFile reflects siaddr and file). Written under both MTA arcs, as the eUE
/// serves both.
/// </summary>
public static class EueManagedObjects
{
    public static string SysDescr(DeviceIdentity id) =>
        $"<<HW_REV: {id.HardwareVersion}; VENDOR: {id.VendorName}; BOOTR: {id.BootRomVersion}; SW_REV: {id.SoftwareVersion}; MODEL: {id.ModelNumber}>>";

    public static void Write(EueMib mib, ReferenceDeviceOptions options, EueIpConfiguration config)
    {
        var id = options.Identity;
        var typeIdentifier = SnmpValue.OctetString(options.Capabilities.ForOption60().EncodeString());
        mib.Set(MibNames.IfMib.IfPhysAddress.InstanceId(1), SnmpValue.OctetString(id.EueMac.GetAddressBytes()));
        mib.Set(MibNames.ClabMta.PktcMtaDevMacAddress, SnmpValue.OctetString(id.EueMac.GetAddressBytes()));
        mib.Set(MibNames.IetfMta.PktcMtaDevCorrelationId, SnmpValue.Unsigned32(id.CorrelationId));
        mib.Set(MibNames.ClabMta.PktcMtaDevCorrelationId, SnmpValue.Integer(unchecked((int)id.CorrelationId)));
        Both(mib, "pktcMtaDevSerialNumber", SnmpValue.OctetString(id.SerialNumber));
        Both(mib, "pktcMtaDevSwCurrentVers", SnmpValue.OctetString(id.SoftwareVersion));
        Both(mib, "pktcMtaDevTypeIdentifier", typeIdentifier);
        Both(mib, "pktcMtaDevFQDN", SnmpValue.OctetString(config.Fqdn ?? ""));
        Both(mib, "pktcMtaDevEnabled", SnmpValue.TruthValue(true));
        Both(mib, "pktcMtaDevSnmpEntity", SnmpValue.OctetString(config.ProvisioningServer?.ToString() ?? ""));
        mib.Set(MibNames.EueDev.PktcEUECBSupport, SnmpValue.TruthValue(options.Ics.CertificateBootstrapping));
        // CL-PKTC-EUE-EVENT-MIB: the management event reporting module's version.
        mib.Set(MibNames.EueEvent.PktcEUEMEMVersion, SnmpValue.OctetString(options.Behaviour.Agent.MemVersion));
        if (config.Flow == ProvisioningFlow.Basic)
        {
            var server = config.TftpServers.FirstOrDefault();
            string url = server is null || config.ConfigFileName is null ? "" : TftpUrl(server, config.ConfigFileName);
            Both(mib, "pktcMtaDevConfigFile", SnmpValue.OctetString(url));
        }
    }

    /// <summary>RFC 3617 with RFC 3986 brackets around an IPv6 literal.</summary>
    public static string TftpUrl(IPAddress server, string file) =>
        file.Contains("://", StringComparison.Ordinal) ? file
        : $"tftp://{(server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{server}]" : server.ToString())}/{file.TrimStart('/')}";

    static void Both(EueMib mib, string name, SnmpValue value)
    {
        mib.Set(MibNames.Find(MibNames.IetfMta.Module, name), value);
        mib.Set(MibNames.Find(MibNames.ClabMta.Module, name), value);
    }
}
