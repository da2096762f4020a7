using System.Net;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// Typed reading of the CableLabs options (vendor-4491 space) inside OPTION_VENDOR_OPTS: what the
/// eUE sends in SOLICIT/REQUEST (EUE-PROV Table 5, eUE-1) and what the eCM and eUE servers answer
/// (Table 3 CM2v6; eUE-2, eUE-4). Each getter returns the first instance, or null when absent.
/// </summary>
public sealed class CableLabsOptions(IReadOnlyList<Dhcp6Option> options)
{
    public IReadOnlyList<Dhcp6Option> Options { get; } = options;

    public Dhcp6Option? Find(ushort code) => Dhcp6Option.FindIn(Options, code);

    /// <summary>CL_OPTION_ORO (1): the CableLabs options requested.</summary>
    public IReadOnlyList<ushort>? OptionRequest => Find(ClOptionCode.Oro)?.ReadUInt16Array();
    public string? DeviceType => Find(ClOptionCode.DeviceType)?.ReadString();
    public string? EmbeddedComponentList => Find(ClOptionCode.EmbeddedComponentList)?.ReadString();
    public string? DeviceSerialNumber => Find(ClOptionCode.DeviceSerialNumber)?.ReadString();
    public string? HardwareVersionNumber => Find(ClOptionCode.HardwareVersionNumber)?.ReadString();
    public string? SoftwareVersionNumber => Find(ClOptionCode.SoftwareVersionNumber)?.ReadString();
    public string? BootRomVersion => Find(ClOptionCode.BootRomVersion)?.ReadString();
    /// <summary>CL_OPTION_VENDOR_OUI (8): 3 binary octets or 6 hex characters, as sent.</summary>
    public ReadOnlyMemory<byte>? VendorOui => Find(ClOptionCode.VendorOui)?.Data;
    public string? ModelNumber => Find(ClOptionCode.ModelNumber)?.ReadString();
    public string? VendorName => Find(ClOptionCode.VendorName)?.ReadString();
    public IReadOnlyList<IPAddress>? TftpServers => Find(ClOptionCode.TftpServers)?.ReadIpv6Addresses("dhcpv6.cablelabs.ipv6_server");
    public string? ConfigFileName => Find(ClOptionCode.ConfigFileName)?.ReadString();
    public IReadOnlyList<IPAddress>? SyslogServers => Find(ClOptionCode.SyslogServers)?.ReadIpv6Addresses("dhcpv6.cablelabs.ipv6_server");
    public ModemCapabilities? ModemCapabilities => Find(ClOptionCode.ModemCapabilities) is { } o ? Dhcp6.ModemCapabilities.FromOption(o) : null;
    /// <summary>CL_OPTION_DEVICE_ID (36): the eUE MAC address (EUE-PROV Table 5), as sent.</summary>
    public ReadOnlyMemory<byte>? DeviceId => Find(ClOptionCode.DeviceId)?.Data;
    public IReadOnlyList<IPAddress>? Rfc868Servers => Find(ClOptionCode.Rfc868Servers)?.ReadIpv6Addresses("dhcpv6.cablelabs.ipv6_server");
    /// <summary>CL_OPTION_TIME_OFFSET (38): seconds from UTC, signed.</summary>
    public int? TimeOffset => Find(ClOptionCode.TimeOffset)?.ReadInt32();
    /// <summary>CL_OPTION_IP_PREF (39): 1 = IPv4, 2 = IPv6 (EUE-PROV 6.4.1.6).</summary>
    public byte? IpPref => Find(ClOptionCode.IpPref)?.ReadUInt8();
    public ClOptionCcc? Ccc => Find(ClOptionCode.Ccc) is { } o ? ClOptionCcc.FromOption(o) : null;
    public ClOptionCccv6? Cccv6 => Find(ClOptionCode.Cccv6) is { } o ? ClOptionCccv6.FromOption(o) : null;

    public VendorOptions ToVendorOptions() => new(CableLabs.EnterpriseNumber, Options);
    public Dhcp6Option ToOption() => ToVendorOptions().ToOption();
}
