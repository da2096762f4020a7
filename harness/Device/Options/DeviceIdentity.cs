using System.Net.NetworkInformation;

namespace EUeConformance.Device.Options;

/// <summary>
/// Who the E-UE is: two MAC addresses (EUE-PROV 6.2.1.2: the eUE has its own, different from the
/// eCM's) and the inventory strings the eUE reports in DHCP (Table 5 eUE-1: CL options 2, 4-10;
/// PKT-PROV1.5 MTA-1: option 43 sub-options).
/// </summary>
public sealed record DeviceIdentity
{
    public PhysicalAddress EcmMac { get; init; } = PhysicalAddress.Parse("00-10-95-00-00-01");
    public PhysicalAddress EueMac { get; init; } = PhysicalAddress.Parse("00-10-95-00-00-02");
    public string SerialNumber { get; init; } = "EUECONF-REF-0001";
    /// <summary>CL_OPTION_DEVICE_TYPE: eUE types begin "EDVA" (protocol-facts 1.5/2.1; exact value UNVERIFIED).</summary>
    public string DeviceType { get; init; } = "EDVA";
    public string HardwareVersion { get; init; } = "1.0";
    public string SoftwareVersion { get; init; } = "EUeConformance-0.1.0";
    public string BootRomVersion { get; init; } = "1.0";
    /// <summary>CL_OPTION_VENDOR_OUI: three binary octets.</summary>
    public byte[] VendorOui { get; init; } = [0x00, 0x10, 0x95];
    public string ModelNumber { get; init; } = "REF-EUE";
    public string VendorName { get; init; } = "EUeConformance";
    /// <summary>pktcMtaDevCorrelationId / option 43 sub-option 32.</summary>
    public uint CorrelationId { get; init; } = 0x00C0FFEE;
    /// <summary>The eUE's host name for DHCPv4 option 12 (null: none sent).</summary>
    public string? HostName { get; init; }
}
