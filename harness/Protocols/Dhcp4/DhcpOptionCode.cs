namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// DHCPv4 option codes of the dhcp4 option space (RFC 2132 and the RFCs named), the ones the
/// E-UE flows touch; the definitions (format, name) are in <see cref="OptionSpaces.Dhcp4"/>.
/// </summary>
public static class DhcpOptionCode
{
    public const byte Pad = 0;
    public const byte SubnetMask = 1;
    public const byte TimeOffset = 2;
    public const byte Router = 3;
    public const byte TimeServer = 4;
    public const byte DomainNameServer = 6;
    public const byte LogServer = 7;
    public const byte HostName = 12;
    public const byte DomainName = 15;
    public const byte BroadcastAddress = 28;
    public const byte NtpServers = 42;
    public const byte VendorEncapsulatedOptions = 43;
    public const byte RequestedIpAddress = 50;
    public const byte IpAddressLeaseTime = 51;
    public const byte OptionOverload = 52;
    public const byte DhcpMessageType = 53;
    public const byte ServerIdentifier = 54;
    public const byte ParameterRequestList = 55;
    public const byte Message = 56;
    public const byte MaximumDhcpMessageSize = 57;
    public const byte RenewalTimeValue = 58;
    public const byte RebindingTimeValue = 59;
    public const byte VendorClassIdentifier = 60;
    public const byte ClientIdentifier = 61;
    public const byte TftpServerName = 66;
    public const byte BootfileName = 67;
    public const byte RelayAgentInformation = 82;
    public const byte DomainSearch = 119;
    /// <summary>RFC 3495; EUE-PROV Table 2 calls it CL_OPTION_CCC(122).</summary>
    public const byte CableLabsClientConfiguration = 122;
    /// <summary>RFC 3925 §3 V-I Vendor Class.</summary>
    public const byte ViVendorClass = 124;
    /// <summary>RFC 3925 §4 V-I Vendor-Specific Information; EUE-PROV calls it OPTION_V-I_VENDOR_OPTS(125).</summary>
    public const byte ViVendorSpecificInformation = 125;
    public const byte End = 255;
}
