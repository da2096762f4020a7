using F = EUeConformance.Protocols.Dhcp4.OptionFormat;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// The option tables (data, not classes): dhcp4 and the sub-option spaces it encapsulates.
/// Leaf spaces come first: static fields initialise in textual order.
/// </summary>
public static class OptionSpaces
{
    /// <summary>
    /// Sub-options of CL_V4OPTION_CCCV6 (option 125, enterprise 4491, sub-option 123): the eUE's
    /// DHCPv6 server DSS_IDs. Layout code(1) len(1) DSS_ID, 1 = primary, 2 = secondary: settled
    /// from Wireshark packet-dhcp.c, whose CableLabs DSS_ID decoder (top-level option 123,
    /// cl_dss_id_type_vals {1 "Primary DSS_ID", 2 "Secondary DSS_ID"}) reads exactly this, and
    /// from EUE-PROV 6.3.2.2 ("sub options 1 and 2 within DHCPv4 option CL_V4OPTION_CCCV6").
    /// EUE-PROV 6.4.1.2: a server restricts a DSS_ID to 32 bytes, a client uses only the first 32,
    /// so longer ones still decode (see <see cref="Dhcp.DssId.Effective"/>).
    /// </summary>
    public static readonly OptionSpace ClV4OptionCccv6 = new("cl-v4-cccv6", padAndEnd: false,
        "dhcp.option.cl_dss_id.option", "dhcp.option.cl_dss_id.len",
    [
        new(1, "PrimaryDssId", F.Binary) { MinLength = 1, Field = "dhcp.option.cl_dss_id" },
        new(2, "SecondaryDssId", F.Binary) { MinLength = 1, Field = "dhcp.option.cl_dss_id" },
    ]);

    /// <summary>
    /// Option 125 enterprise 4491 sub-options (CL-SP-CANN-DHCP-Reg; codes 123/124 from EUE-PROV
    /// 6.3.1 Table 2 CM1 and 6.4.1). ORO is a plain list of 1-byte codes (Kea
    /// docsis3_option_defs.h: DOCSIS3_V4_ORO uint8 array; Wireshark "Option Request" bytes).
    /// IP_PREF 1 = IPv4, 2 = IPv6: Wireshark packet-dhcp.c labels the CableLabs address mode
    /// exactly so (checked with tshark 4.0: "CableLab Address Mode: IPv4 (1)" / "IPv6 (2)").
    /// </summary>
    public static readonly OptionSpace CableLabsV4 = new("vendor-4491", padAndEnd: false,
        "dhcp.option.vi.cl.suboption", "dhcp.option.suboption_length",
    [
        new(1, "ClV4OptionOro", F.UInt8, Array: true) { Field = "dhcp.option.vi.cl.option_request" },
        new(2, "ClV4OptionTftpServers", F.Ipv4Address, Array: true) { Field = "dhcp.option.vi.cl.tftp_server_addresses" },
        new(3, "ClV4ErouterContainerOption", F.Binary) { Field = "dhcp.option.vi.cl.erouter_container_option" },
        new(4, "ClV4PacketCableMibEnvOption", F.UInt8),
        new(5, "ClV4OptionModemCapabilities", F.Binary) { Field = "dhcp.option.vi.cl.modem_capabilities" },
        new(123, "ClV4OptionCccv6", F.Encapsulated) { Encapsulates = ClV4OptionCccv6 },
        new(124, "ClV4OptionIpPref", F.UInt8),
    ]);

    const string CccField = "dhcp.vendor.pc.ietf_ccc.suboption";

    /// <summary>
    /// Option 122 sub-options (RFC 3495 §5; 9 from RFC 3594; 10 from RFC 3634). §5 general
    /// rules: FQDNs per RFC 1035 §3.1 with the terminating 0 and no compression, IPv4 addresses
    /// 4 octets, integers in network order. §5.1: sub-options 1/2 have length 4. §5.2: sub-option 3
    /// is a type octet, 0 = FQDN, 1 = IPv4 with total length 5. Sub-options 4/5 are three uint32
    /// (nominal timeout, maximum timeout, maximum retry count; Wireshark labels them
    /// pktcMtaDev{Realm,Prov}UnsolicitedKey{Nom,Max}Timeout/MaxRetries), 6 the realm as an FQDN,
    /// 7 and 8 one octet, 9 a 2-octet bitmask (RFC 3594).
    /// </summary>
    public static readonly OptionSpace CableLabsClientConfiguration = new("ccc", padAndEnd: false,
        "dhcp.vendor.pc.ietf_ccc.suboption", "dhcp.option.suboption_length",
    [
        new(1, "TspPrimaryDhcpServerAddress", F.Ipv4Address) { Field = CccField },
        new(2, "TspSecondaryDhcpServerAddress", F.Ipv4Address) { Field = CccField },
        new(3, "TspProvisioningServerAddress", F.TypedAddress) { Field = CccField },
        new(4, "TspAsReqAsRepBackoffAndRetry", F.Record) { RecordFields = [F.UInt32, F.UInt32, F.UInt32], Field = "dhcp.cl.ietf_ccc.dev_realm_unc_key_nom_timeout" },
        new(5, "TspApReqApRepBackoffAndRetry", F.Record) { RecordFields = [F.UInt32, F.UInt32, F.UInt32], Field = "dhcp.cl.ietf_ccc.dev_prov_unc_key_nom_timeout" },
        new(6, "TspKerberosRealmName", F.Fqdn) { Field = CccField },
        new(7, "TspTicketGrantingServerUtilization", F.UInt8) { Field = CccField },
        new(8, "TspProvisioningTimerValue", F.UInt8) { Field = CccField },
        new(9, "PacketCableSecurityTicketControl", F.UInt16) { Field = CccField },
        new(10, "KdcServerAddress", F.Ipv4Address, Array: true) { Field = CccField },
    ]);

    /// <summary>
    /// Option 43 as an MTA/eUE sends it: CableLabs vendor sub-options (CL-SP-CANN-DHCP-Reg;
    /// Wireshark dissect_vendor_cablelabs_suboption: 0 pad, 255 end, names and formats below).
    /// Sub-option 8 (OUI) is 3 binary bytes or 6 ASCII hex characters in the field, so binary.
    /// </summary>
    public static readonly OptionSpace CableLabsVendorEncapsulated = new("vendor-encapsulated-cablelabs", padAndEnd: true,
        "dhcp.option.vendor.cl.suboption", "dhcp.option.suboption_length",
    [
        new(1, "SubOptionRequestList", F.Binary) { Field = "dhcp.option.vendor.cl.suboption_request_list" },
        new(2, "DeviceType", F.String) { Field = "dhcp.option.vendor.cl.device_type" },
        new(3, "EsafeTypes", F.String) { Field = "dhcp.option.vendor.cl.esafe_type" },
        new(4, "SerialNumber", F.String) { Field = "dhcp.option.vendor.cl.serial_number" },
        new(5, "HardwareVersion", F.String) { Field = "dhcp.option.vendor.cl.hardware_version" },
        new(6, "SoftwareVersion", F.String) { Field = "dhcp.option.vendor.cl.software_version" },
        new(7, "BootRomVersion", F.String) { Field = "dhcp.option.vendor.cl.boot_rom_version" },
        new(8, "VendorOui", F.Binary) { MinLength = 1, Field = "dhcp.option.vendor.cl.oui_bytes" },
        new(9, "ModelNumber", F.String) { Field = "dhcp.option.vendor.cl.model_number" },
        new(10, "VendorName", F.String) { Field = "dhcp.option.vendor.cl.vendor_name10" },
        new(31, "MtaMacAddress", F.Binary) { MinLength = 6, MaxLength = 6, Field = "dhcp.option.vendor.cl.mta_mac_address" },
        new(32, "CorrelationId", F.UInt32) { Field = "dhcp.option.vendor.cl.correlation_ID" },
    ]);

    /// <summary>
    /// Option 82 sub-options (RFC 3046 §2.0: 1 circuit id, 2 remote id, both at least 1 byte;
    /// 4 RFC 3256, 5 RFC 3527, 6 RFC 3993, 9 RFC 4243, 11 RFC 5107). Others are kept as bytes.
    /// </summary>
    public static readonly OptionSpace RelayAgentInformation = new("agent", padAndEnd: false,
        "dhcp.option.agent_information_option.suboption", "dhcp.option.suboption_length",
    [
        new(1, "AgentCircuitId", F.Binary) { MinLength = 1, Field = "dhcp.option.agent_information_option.agent_circuit_id" },
        new(2, "AgentRemoteId", F.Binary) { MinLength = 1, Field = "dhcp.option.agent_information_option.agent_remote_id" },
        new(4, "DocsisDeviceClass", F.UInt32) { Field = "dhcp.option.agent_information_option.docsis_device_class" },
        new(5, "LinkSelection", F.Ipv4Address) { Field = "dhcp.option.agent_information_option.link_selection" },
        new(6, "SubscriberId", F.String) { Field = "dhcp.option.agent_information_option.subscriber_id" },
        new(9, "VendorSpecificInformation", F.ViVendorClass) { Field = "dhcp.option.agent_information_option.vi" },
        new(11, "ServerIdentifierOverride", F.Ipv4Address) { Field = "dhcp.option.agent_information_option.server_id_override" },
    ]);

    /// <summary>
    /// The dhcp4 space (RFC 2132 unless noted). Option 43 is binary here: its sub-option space
    /// depends on the vendor class (option 60), see <see cref="DhcpMessage.CableLabsVendorInformation"/>.
    /// Option 119 (RFC 3397) may use compression pointers, so it is binary, not fqdn.
    /// </summary>
    public static readonly OptionSpace Dhcp4 = new("dhcp4", padAndEnd: true,
        "dhcp.option.type", "dhcp.option.length",
    [
        new(DhcpOptionCode.SubnetMask, "SubnetMask", F.Ipv4Address) { Field = "dhcp.option.subnet_mask" },
        new(DhcpOptionCode.TimeOffset, "TimeOffset", F.Int32) { Field = "dhcp.option.time_offset" },
        new(DhcpOptionCode.Router, "Router", F.Ipv4Address, Array: true) { Field = "dhcp.option.router" },
        new(DhcpOptionCode.TimeServer, "TimeServer", F.Ipv4Address, Array: true) { Field = "dhcp.option.time_server" },
        new(DhcpOptionCode.DomainNameServer, "DomainNameServer", F.Ipv4Address, Array: true) { Field = "dhcp.option.domain_name_server" },
        new(DhcpOptionCode.LogServer, "LogServer", F.Ipv4Address, Array: true) { Field = "dhcp.option.log_server" },
        new(DhcpOptionCode.HostName, "HostName", F.String) { Field = "dhcp.option.hostname" },
        new(DhcpOptionCode.DomainName, "DomainName", F.String) { Field = "dhcp.option.domain_name" },
        new(DhcpOptionCode.BroadcastAddress, "BroadcastAddress", F.Ipv4Address) { Field = "dhcp.option.broadcast_address" },
        new(DhcpOptionCode.NtpServers, "NtpServers", F.Ipv4Address, Array: true) { Field = "dhcp.option.ntp_server" },
        new(DhcpOptionCode.VendorEncapsulatedOptions, "VendorEncapsulatedOptions", F.Binary) { MinLength = 1 },
        new(DhcpOptionCode.RequestedIpAddress, "RequestedIpAddress", F.Ipv4Address) { Field = "dhcp.option.requested_ip_address" },
        new(DhcpOptionCode.IpAddressLeaseTime, "IpAddressLeaseTime", F.UInt32) { Field = "dhcp.option.ip_address_lease_time" },
        new(DhcpOptionCode.OptionOverload, "OptionOverload", F.UInt8) { ValueRange = (1, 3), Field = "dhcp.option.option_overload" },
        new(DhcpOptionCode.DhcpMessageType, "DhcpMessageType", F.UInt8) { ValueRange = (1, 18), Field = "dhcp.option.dhcp" },
        new(DhcpOptionCode.ServerIdentifier, "ServerIdentifier", F.Ipv4Address) { Field = "dhcp.option.dhcp_server_id" },
        new(DhcpOptionCode.ParameterRequestList, "ParameterRequestList", F.UInt8, Array: true) { Field = "dhcp.option.request_list_item" },
        new(DhcpOptionCode.Message, "Message", F.String) { Field = "dhcp.option.message" },
        new(DhcpOptionCode.MaximumDhcpMessageSize, "MaximumDhcpMessageSize", F.UInt16) { Field = "dhcp.option.dhcp_max_message_size" },
        new(DhcpOptionCode.RenewalTimeValue, "RenewalTimeValue", F.UInt32) { Field = "dhcp.option.renewal_time_value" },
        new(DhcpOptionCode.RebindingTimeValue, "RebindingTimeValue", F.UInt32) { Field = "dhcp.option.rebinding_time_value" },
        new(DhcpOptionCode.VendorClassIdentifier, "VendorClassIdentifier", F.String) { Field = "dhcp.option.vendor_class_id" },
        new(DhcpOptionCode.ClientIdentifier, "ClientIdentifier", F.ClientIdentifier) { Field = "dhcp.client_id" },
        new(DhcpOptionCode.TftpServerName, "TftpServerName", F.String) { Field = "dhcp.option.tftp_server_name" },
        new(DhcpOptionCode.BootfileName, "BootfileName", F.String) { Field = "dhcp.option.bootfile_name" },
        new(DhcpOptionCode.RelayAgentInformation, "RelayAgentInformation", F.Encapsulated) { Encapsulates = RelayAgentInformation, MinLength = 2 },
        new(DhcpOptionCode.DomainSearch, "DomainSearch", F.Binary) { MinLength = 1 },
        new(DhcpOptionCode.CableLabsClientConfiguration, "CableLabsClientConfiguration", F.Encapsulated) { Encapsulates = CableLabsClientConfiguration, MinLength = 1 },
        new(DhcpOptionCode.ViVendorClass, "ViVendorClass", F.ViVendorClass) { MinLength = 5, Field = "dhcp.option.vi_class.enterprise" },
        new(DhcpOptionCode.ViVendorSpecificInformation, "ViVendorSpecificInformation", F.ViVendorSpecific) { MinLength = 5, Field = "dhcp.option.vi.enterprise" },
    ]);
}
