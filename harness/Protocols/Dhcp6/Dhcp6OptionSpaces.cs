using EUeConformance.Protocols.Dhcp;
using F = EUeConformance.Protocols.Dhcp6.OptionFormat;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// The option tables of the E-UE DHCPv6 flows: "dhcp6" (RFC 3315, 3646, 4704), "vendor-4491"
/// (CableLabs options inside OPTION_VENDOR_OPTS, CL-SP-CANN-DHCP-Reg), and the two CableLabs
/// encapsulations "cl-ccc" (CL_OPTION_CCC) and "cl-cccv6" (CL_OPTION_CCCV6). An option a table does
/// not know is still framed, and kept byte for byte.
/// </summary>
public static class Dhcp6OptionSpaces
{
    public const string Dhcp6Name = "dhcp6";
    public const string Vendor4491Name = "vendor-4491";
    public const string CccName = "cl-ccc";
    public const string Cccv6Name = "cl-cccv6";

    public static OptionSpace Dhcp6 { get; } = new(Dhcp6Name, "dhcpv6.option.type", "dhcpv6.option.length",
    [
        new(Dhcp6OptionCode.ClientId, "OptionClientId", F.Duid, "dhcpv6.duid.bytes"),
        new(Dhcp6OptionCode.ServerId, "OptionServerId", F.Duid, "dhcpv6.duid.bytes"),
        // RFC 3315 §22.4: IAID, T1, T2, then IA_NA-options.
        new(Dhcp6OptionCode.IaNa, "OptionIaNa", F.Record, "dhcpv6.iaid") { RecordFields = [F.UInt32, F.UInt32, F.UInt32], Encapsulates = Dhcp6Name },
        // RFC 3315 §22.5: IAID, then IA_TA-options.
        new(Dhcp6OptionCode.IaTa, "OptionIaTa", F.Record, "dhcpv6.iata") { RecordFields = [F.UInt32], Encapsulates = Dhcp6Name },
        // RFC 3315 §22.6: address, preferred and valid lifetimes, then IAaddr-options.
        new(Dhcp6OptionCode.IaAddr, "OptionIaAddr", F.Record, "dhcpv6.iaaddr.ip") { RecordFields = [F.Ipv6Address, F.UInt32, F.UInt32], Encapsulates = Dhcp6Name },
        new(Dhcp6OptionCode.Oro, "OptionOro", F.UInt16, "dhcpv6.requested_option_code") { IsArray = true },
        new(Dhcp6OptionCode.Preference, "OptionPreference", F.UInt8, "dhcpv6.option_preference"),
        new(Dhcp6OptionCode.ElapsedTime, "OptionElapsedTime", F.UInt16, "dhcpv6.elapsed_time"),
        new(Dhcp6OptionCode.RelayMsg, "OptionRelayMsg", F.DhcpMessage, "dhcpv6.msgtype"),
        // RFC 3315 §22.11: protocol, algorithm, RDM, replay detection(8), then authentication information.
        new(Dhcp6OptionCode.Auth, "OptionAuth", F.Record, "dhcpv6.auth.info") { RecordFields = [F.UInt8, F.UInt8, F.UInt8, F.UInt64], Tail = F.Binary },
        new(Dhcp6OptionCode.Unicast, "OptionUnicast", F.Ipv6Address, "dhcpv6.unicast"),
        // RFC 3315 §22.13: status-code(2), then a UTF-8 status message.
        new(Dhcp6OptionCode.StatusCode, "OptionStatusCode", F.Record, "dhcpv6.status_code") { RecordFields = [F.UInt16], Tail = F.String },
        new(Dhcp6OptionCode.RapidCommit, "OptionRapidCommit", F.Empty, "dhcpv6.option.length"),
        new(Dhcp6OptionCode.VendorClass, "OptionVendorClass", F.VendorClass, "dhcpv6.vendorclass.data"),
        new(Dhcp6OptionCode.VendorOpts, "OptionVendorOpts", F.VendorOpts, "dhcpv6.vendoropts.enterprise"),
        new(Dhcp6OptionCode.InterfaceId, "OptionInterfaceId", F.Binary, "dhcpv6.interface_id"),
        new(Dhcp6OptionCode.ReconfMsg, "OptionReconfMsg", F.UInt8, "dhcpv6.reconf_msg"),
        new(Dhcp6OptionCode.ReconfAccept, "OptionReconfAccept", F.Empty, "dhcpv6.option.length"),
        new(Dhcp6OptionCode.DnsServers, "OptionDnsServers", F.Ipv6Address, "dhcpv6.dns_server") { IsArray = true },
        new(Dhcp6OptionCode.DomainList, "OptionDomainList", F.Fqdn, "dhcpv6.search_list_entry") { IsArray = true },
        new(Dhcp6OptionCode.Fqdn, "OptionFqdn", F.ClientFqdn, "dhcpv6.client_domain"),
    ]);

    public static OptionSpace Vendor4491 { get; } = new(Vendor4491Name, "dhcpv6.vendoropts.enterprise.option_code", "dhcpv6.vendoropts.enterprise.option_length",
    [
        new(ClOptionCode.Oro, "ClOptionOro", F.UInt16, "dhcpv6.cablelabs.opt") { IsArray = true },
        new(ClOptionCode.DeviceType, "ClOptionDeviceType", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.EmbeddedComponentList, "ClOptionEmbeddedComponentList", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.DeviceSerialNumber, "ClOptionDeviceSerialNumber", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.HardwareVersionNumber, "ClOptionHardwareVersionNumber", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.SoftwareVersionNumber, "ClOptionSoftwareVersionNumber", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.BootRomVersion, "ClOptionBootRomVersion", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        // CL-CANN treats 17.8 as 3 binary octets or 6 hex characters (Wireshark's comment); kept as octets.
        new(ClOptionCode.VendorOui, "ClOptionVendorOui", F.Binary, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.ModelNumber, "ClOptionModelNumber", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.VendorName, "ClOptionVendorName", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.TftpServers, "ClOptionTftpServers", F.Ipv6Address, "dhcpv6.cablelabs.ipv6_server") { IsArray = true },
        new(ClOptionCode.ConfigFileName, "ClOptionConfigFileName", F.String, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.SyslogServers, "ClOptionSyslogServers", F.Ipv6Address, "dhcpv6.cablelabs.ipv6_server") { IsArray = true },
        new(ClOptionCode.ModemCapabilities, "ClOptionModemCapabilities", F.CapabilityTlvs, "dhcpv6.cccV6.tlv5.suboption.length"),
        // The eUE MAC (EUE-PROV Table 5); its length is judged, not parsed (Wireshark flags a length other than 6).
        new(ClOptionCode.DeviceId, "ClOptionDeviceId", F.Binary, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.Rfc868Servers, "ClOptionRfc868Servers", F.Ipv6Address, "dhcpv6.cablelabs.ipv6_server") { IsArray = true },
        new(ClOptionCode.TimeOffset, "ClOptionTimeOffset", F.Int32, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.IpPref, "ClOptionIpPref", F.UInt8, "dhcpv6.vendoropts.enterprise.option_data"),
        new(ClOptionCode.Ccc, "ClOptionCcc", F.Record, "dhcpv6.packetcable.ccc.suboption") { Encapsulates = CccName },
        new(ClOptionCode.Cccv6, "ClOptionCccv6", F.Record, "dhcpv6.packetcable.cccV6.suboption") { Encapsulates = Cccv6Name },
    ]);

    public static OptionSpace Ccc { get; } = new(CccName, "dhcpv6.packetcable.ccc.suboption", "dhcpv6.packetcable.ccc.suboption",
    [
        new(ClCccSubOption.PrimaryDhcpServer, "PrimaryDhcpServer", F.Ipv4Address, "dhcpv6.packetcable.ccc.pri_dhcp"),
        new(ClCccSubOption.SecondaryDhcpServer, "SecondaryDhcpServer", F.Ipv4Address, "dhcpv6.packetcable.ccc.sec_dhcp"),
    ]);

    public static OptionSpace Cccv6 { get; } = new(Cccv6Name, "dhcpv6.packetcable.cccV6.suboption", "dhcpv6.packetcable.cccV6.suboption",
    [
        // EUE-PROV 6.4.1.4: a DSS_ID longer than 32 bytes is not malformed: only its first 32 count (see DssId).
        new(ClCccv6SubOption.PrimaryDssId, "PrimaryDssId", F.Binary, "dhcpv6.packetcable.cccV6.pri_dss"),
        new(ClCccv6SubOption.SecondaryDssId, "SecondaryDssId", F.Binary, "dhcpv6.packetcable.cccV6.sec_dss"),
        new(ClCccv6SubOption.ProvSnmpEntity, "ProvSnmpEntity", F.ProvSnmpEntity, "dhcpv6.packetcable.cccV6.prov_srv.type"),
        new(ClCccv6SubOption.AsReqAsRepBackoff, "AsReqAsRepBackoff", F.Record, "dhcpv6.packetcable.cccV6.as_krb.nominal_timeout") { RecordFields = [F.UInt32, F.UInt32, F.UInt32] },
        new(ClCccv6SubOption.ApReqApRepBackoff, "ApReqApRepBackoff", F.Record, "dhcpv6.packetcable.cccV6.ap_krb.nominal_timeout") { RecordFields = [F.UInt32, F.UInt32, F.UInt32] },
        new(ClCccv6SubOption.KerberosRealm, "KerberosRealm", F.Fqdn, "dhcpv6.packetcable.cccV6.krb_realm"),
        new(ClCccv6SubOption.TgtFlag, "TgtFlag", F.UInt8, "dhcpv6.packetcable.cccV6.tgt_flag"),
        // 0..30 minutes; a larger value is judged, not a parse error (Wireshark marks it as an invalid time value).
        new(ClCccv6SubOption.ProvisioningTimer, "ProvisioningTimer", F.UInt8, "dhcpv6.packetcable.cccV6.prov_timer"),
        new(ClCccv6SubOption.TicketControl, "TicketControl", F.UInt16, "dhcpv6.packetcable.cccV6.sec_tcm"),
    ]);

    /// <summary>A space by name (the value of <see cref="OptionDefinition.Encapsulates"/>).</summary>
    public static OptionSpace Get(string name) => name switch
    {
        Dhcp6Name => Dhcp6,
        Vendor4491Name => Vendor4491,
        CccName => Ccc,
        Cccv6Name => Cccv6,
        _ => throw new KeyNotFoundException($"no option space {name}"),
    };

    /// <summary>The space of OPTION_VENDOR_OPTS options for an enterprise, or null when no table is known (framing only).</summary>
    public static OptionSpace? ForEnterprise(uint enterprise) => enterprise == CableLabs.EnterpriseNumber ? Vendor4491 : null;
}
