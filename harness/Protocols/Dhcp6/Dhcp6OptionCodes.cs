namespace EUeConformance.Protocols.Dhcp6;

/// <summary>Option codes of the "dhcp6" space (RFC 3315 §24.3, RFC 3646, RFC 4704), named as the RFCs name them.</summary>
public static class Dhcp6OptionCode
{
    public const ushort ClientId = 1;
    public const ushort ServerId = 2;
    public const ushort IaNa = 3;
    public const ushort IaTa = 4;
    public const ushort IaAddr = 5;
    public const ushort Oro = 6;
    public const ushort Preference = 7;
    public const ushort ElapsedTime = 8;
    public const ushort RelayMsg = 9;
    public const ushort Auth = 11;
    public const ushort Unicast = 12;
    public const ushort StatusCode = 13;
    public const ushort RapidCommit = 14;
    public const ushort UserClass = 15;
    public const ushort VendorClass = 16;
    public const ushort VendorOpts = 17;
    public const ushort InterfaceId = 18;
    public const ushort ReconfMsg = 19;
    public const ushort ReconfAccept = 20;
    public const ushort DnsServers = 23;
    public const ushort DomainList = 24;
    /// <summary>OPTION_FQDN (EUE-PROV Table 5), OPTION_CLIENT_FQDN in RFC 4704.</summary>
    public const ushort Fqdn = 39;
}

/// <summary>
/// CableLabs vendor options carried in OPTION_VENDOR_OPTS with enterprise 4491 ("vendor-4491" space,
/// CL-SP-CANN-DHCP-Reg; codes per protocol-facts.md 2.1, VERIFIED against Wireshark's packet-dhcpv6.c).
/// </summary>
public static class ClOptionCode
{
    public const ushort Oro = 1;
    public const ushort DeviceType = 2;
    public const ushort EmbeddedComponentList = 3;
    public const ushort DeviceSerialNumber = 4;
    public const ushort HardwareVersionNumber = 5;
    public const ushort SoftwareVersionNumber = 6;
    public const ushort BootRomVersion = 7;
    public const ushort VendorOui = 8;
    public const ushort ModelNumber = 9;
    public const ushort VendorName = 10;
    public const ushort TftpServers = 32;
    public const ushort ConfigFileName = 33;
    public const ushort SyslogServers = 34;
    public const ushort ModemCapabilities = 35;
    public const ushort DeviceId = 36;
    public const ushort Rfc868Servers = 37;
    public const ushort TimeOffset = 38;
    public const ushort IpPref = 39;
    public const ushort Ccc = 2170;
    public const ushort Cccv6 = 2171;
}

/// <summary>Sub-options of CL_OPTION_CCC (2170): the eUE's DHCPv4 servers (EUE-PROV 6.4.1.3).</summary>
public static class ClCccSubOption
{
    public const ushort PrimaryDhcpServer = 1;
    public const ushort SecondaryDhcpServer = 2;
}

/// <summary>Sub-options of CL_OPTION_CCCV6 (2171), EUE-PROV 6.4.1.4 and protocol-facts.md 2.2.</summary>
public static class ClCccv6SubOption
{
    public const ushort PrimaryDssId = 1;
    public const ushort SecondaryDssId = 2;
    /// <summary>The provisioning server, PROV_SNMP_ENTITY in eUE-15.</summary>
    public const ushort ProvSnmpEntity = 3;
    public const ushort AsReqAsRepBackoff = 4;
    public const ushort ApReqApRepBackoff = 5;
    public const ushort KerberosRealm = 6;
    public const ushort TgtFlag = 7;
    public const ushort ProvisioningTimer = 8;
    public const ushort TicketControl = 9;
}
