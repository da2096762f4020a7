using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Eue.Ipv4;

/// <summary>
/// The options of the eUE's DISCOVER and REQUEST in IPv4 mode (EUE-PROV 6.3.3 with PKT-PROV1.5 MTA-1):
/// option 60 "pktc2.0:" with the capabilities (6.6.1), option 43 device inventory, option 55 asking
/// for 122 and the servers the eUE uses, and option 61 per RFC 4361. Overridable for mutants.
/// </summary>
public class EueDhcpv4Options
{
    public static readonly byte[] ParameterRequests =
    [
        DhcpOptionCode.SubnetMask, DhcpOptionCode.Router, DhcpOptionCode.DomainNameServer, DhcpOptionCode.LogServer,
        DhcpOptionCode.HostName, DhcpOptionCode.DomainName, DhcpOptionCode.CableLabsClientConfiguration,
    ];

    /// <summary>The options of one message type (DISCOVER, or REQUEST in any state); by default the same for all.</summary>
    public virtual IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities capabilities, DhcpMessageType type) => Build(identity, capabilities);

    public virtual IReadOnlyList<DhcpOption> Build(DeviceIdentity identity, EueCapabilities capabilities)
    {
        var options = new List<DhcpOption>
        {
            DhcpOption.ParameterRequestList(ParameterRequests),
            // EUE-PROV 6.6.1 bullet 1: option 60 is "pktc2.0:" and the capabilities, not "pktc1.5:".
            capabilities.ForOption60().ToOption(),
            CableLabsVendorInformation.Create(
                deviceType: identity.DeviceType, serialNumber: identity.SerialNumber, hardwareVersion: identity.HardwareVersion,
                softwareVersion: identity.SoftwareVersion, bootRomVersion: identity.BootRomVersion, vendorOui: identity.VendorOui,
                modelNumber: identity.ModelNumber, vendorName: identity.VendorName, mtaMacAddress: identity.EueMac.GetAddressBytes(),
                correlationId: identity.CorrelationId).ToOption(),
            // EUE-PROV 6.3.3: RFC 4361 client identifier (type 255, IAID, DUID), the same DUID as in IPv6 mode.
            ClientIdentifier.Rfc4361(EueDuid.Iaid, EueDuid.For(identity.EueMac)).ToOption(),
        };
        if (identity.HostName is { } host) options.Add(DhcpOption.FromString(DhcpOptionCode.HostName, host));
        return options;
    }
}
