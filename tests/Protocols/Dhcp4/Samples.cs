using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>
/// The messages of the E-UE IPv4 flows as our encoders build them (EUE-PROV Table 2 CM1/CM2/CM4,
/// 6.3.3 eUE-1), and as a device would put them on the wire (<see cref="Captured"/>).
/// </summary>
static class Samples
{
    public static readonly IPAddress CmtsRelay = IPAddress.Parse("10.1.0.254");
    public static readonly IPAddress EcmDhcpServer = IPAddress.Parse("10.1.0.1");
    public static readonly IPAddress EueDhcpServer = IPAddress.Parse("10.2.0.1");
    public const uint CmXid = 0x4491_0001, EueXid = 0x4491_0002;

    /// <summary>CM1: the eCM's DISCOVER for a dual-stack eUE: option 55 asks for 122, option 125/4491 ORO for 123 and 124.</summary>
    public static DhcpMessage EcmDiscover() => DhcpMessage.Create(DhcpMessageType.Discover, CmXid, RawDhcp.CmMac,
    [
        DhcpOption.FromUInt16(DhcpOptionCode.MaximumDhcpMessageSize, 576),
        DhcpOption.FromString(DhcpOptionCode.VendorClassIdentifier, "docsis3.0:"),
        DhcpOption.ParameterRequestList(1, 2, 3, 4, 7, 42, 122),
        CableLabsV4Options.Create(oro: [CableLabsV4Options.Cccv6Code, CableLabsV4Options.IpPrefCode]).ToOption(),
    ], broadcast: true);

    /// <summary>CM2/CM4: the eCM DHCP server's reply with 122 (all nine sub-options) and 125 (CCCV6 DSS_IDs, IP_PREF).</summary>
    public static DhcpMessage EcmReply(DhcpMessageType type) => DhcpMessage.ReplyTo(EcmDiscover(), type, EcmDhcpServer,
        yiAddr: IPAddress.Parse("10.1.0.100"), siAddr: EcmDhcpServer, options:
    [
        DhcpOption.LeaseTime(3600),
        DhcpOption.FromAddress(DhcpOptionCode.SubnetMask, IPAddress.Parse("255.255.255.0")),
        DhcpOption.FromAddresses(DhcpOptionCode.Router, IPAddress.Parse("10.1.0.254")),
        DhcpOption.FromInt32(DhcpOptionCode.TimeOffset, -18000),
        DhcpOption.FromAddresses(DhcpOptionCode.TimeServer, EcmDhcpServer),
        DhcpOption.FromAddresses(DhcpOptionCode.LogServer, IPAddress.Parse("10.1.0.5")),
        EueClientConfiguration().ToOption(),
        CableLabsV4Options.Create(
            cccv6: Cccv6DssIds.Create(DssId.FromAscii("dhcpv6-primary"), DssId.FromAscii("dhcpv6-secondary")),
            ipPref: IpPreference.Ipv6).ToOption(),
    ]) with { SName = DhcpMessage.FieldOf("ecm-dhcp", 64), File = DhcpMessage.FieldOf("ecm.cfg", 128) };

    public static ClientConfiguration EueClientConfiguration() => ClientConfiguration.Create(
        primaryDhcpServer: EueDhcpServer,
        secondaryDhcpServer: IPAddress.Broadcast,
        provisioningServer: ProvisioningServerAddress.FromFqdn("prov.example.net"),
        asReqBackoff: new KerberosBackoff(100, 10, 3),
        apReqBackoff: new KerberosBackoff(200, 20, 4),
        kerberosRealm: "BASIC.1",
        ticketGrantingServerUtilization: true,
        provisioningTimer: 10,
        securityTicketControl: SecurityTicketControl.InvalidateProvisioningServerTicket | SecurityTicketControl.InvalidateAllCallManagementServerTickets);

    public static ClientIdentifier EueClientId() =>
        ClientIdentifier.Rfc4361(iaid: 1, Duid.Llt(hardwareType: 1, time: 0x1234_5678, RawDhcp.EueMac));

    /// <summary>eUE-1 (PKT-PROV1.5 MTA-1 with EUE-PROV 6.3.3/6.6.1): option 61 per RFC 4361, option 60 "pktc2.0:" capabilities, option 43.</summary>
    public static DhcpMessage EueDiscover() => DhcpMessage.Create(DhcpMessageType.Discover, EueXid, RawDhcp.EueMac,
    [
        EueClientId().ToOption(),
        DhcpOption.ParameterRequestList(1, 3, 6, 7, 12, 15, 43, 122),
        DeviceCapabilities.ForEue(more: [new SubOption(2, [2]), new SubOption(11, [6, 9, 3])]).ToOption(),
        CableLabsVendorInformation.Create(deviceType: "EDVA", esafeTypes: "ECM:EMTA", serialNumber: "SN-0001", hardwareVersion: "1.0",
            softwareVersion: "2.0.1", bootRomVersion: "0.9", vendorOui: [0x00, 0x10, 0x95], modelNumber: "EUE-1", vendorName: "Example",
            mtaMacAddress: RawDhcp.EueMac, correlationId: 42).ToOption(),
    ], broadcast: true);

    /// <summary>The eUE DISCOVER as the CMTS relay forwards it: giaddr and option 82 (circuit id, remote id = CM MAC).</summary>
    public static DhcpMessage RelayedEueDiscover()
    {
        var discover = EueDiscover();
        var option82 = RelayAgentInformation.Create(circuitId: "cable-1/0/0"u8.ToArray(), remoteId: RawDhcp.CmMac).ToOption();
        return discover with { Hops = 1, GiAddr = CmtsRelay, Options = [.. discover.Options, option82] };
    }

    /// <summary>
    /// Byte samples as a device or server could send them, built without the codec: padding,
    /// pad options between options, a split option, overloaded fields, lower-case capabilities,
    /// garbage after the sname NUL, a trailer that is not all zeros.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Captured() =>
    [
        ("eCM DISCOVER (CM1)", RawDhcp.Build(1, CmXid, RawDhcp.CmMac, flags: 0x8000, options:
            "350101 39020240 3c0a" + RawDhcp.Ascii("docsis3.0:") + " 3707010203042a077a 7d0900 00118b 04 01027b7c ff")),
        ("eCM OFFER (CM2) with 122 and 125", RawDhcp.Build(2, CmXid, RawDhcp.CmMac, flags: 0x8000, yiaddr: "0a010064", siaddr: "0a010001",
            file: RawDhcp.Field(RawDhcp.Ascii("ecm.cfg"), 128), options:
            "350102 36040a010001 330400000e10 0104ffffff00 03040a0100fe " +
            "7a44 01040a020001 0204ffffffff 030501 0a010005 040c000000640000000a00000003 050c000000c80000001400000004 " +
            "0609054241534943013100 070101 08010a 09020003 " +
            "7d17 0000118b 12 7b0d 010b" + RawDhcp.Ascii("dss-primary") + " 7c0102 ff")),
        ("eUE DISCOVER (eUE-1) with lower-case capabilities and pads", RawDhcp.Build(1, EueXid, RawDhcp.EueMac, padTo: 342, options:
            "350101 00 3d13 ff 00000001 0001 0001 12345678 001095000002 00 00 " +
            "3c24" + RawDhcp.Ascii("pktc2.0:050c0101020301010401011a0101") + " 37070103060c0f2b7a " +
            "2b0f 0204" + RawDhcp.Ascii("EDVA") + " 1f06001095000002 ff ff")),
        ("ACK with option 122 split in two (RFC 3396)", RawDhcp.Build(2, EueXid, RawDhcp.EueMac, yiaddr: "0a020064", options:
            "350105 36040a020001 7a06 01040a020001 7a0b 0609054241534943013100 ff")),
        ("ACK with option 52 = 3, 122 spread over options, file and sname", RawDhcp.Build(2, EueXid, RawDhcp.EueMac, yiaddr: "0a020064",
            file: RawDhcp.Field("0c05" + RawDhcp.Ascii("host1") + "7a06 0204ffffffff ff", 128),
            sname: RawDhcp.Field("0f0b" + RawDhcp.Ascii("example.net") + "7a03 080105 ff", 64),
            options: "350105 340103 36040a020001 7a06 01040a020001 ff")),
        ("OFFER with text after the sname NUL and a non-zero trailer", RawDhcp.Build(2, EueXid, RawDhcp.EueMac, yiaddr: "0a020064",
            sname: RawDhcp.Field(RawDhcp.Ascii("tftp") + "00" + RawDhcp.Ascii("junk"), 64), padTo: 0,
            options: "350102 36040a020001 ff 000000deadbeef")),
        ("relayed DISCOVER with option 82 and an unknown option", RawDhcp.Build(1, EueXid, RawDhcp.EueMac, giaddr: "0a0100fe", hops: 1, secs: 3, options:
            "350101 fa03010203 520e 0104" + RawDhcp.Ascii("cmts") + " 0206001095000001 ff")),
    ];
}
