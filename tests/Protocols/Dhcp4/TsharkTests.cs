using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dns;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>
/// Wireshark (tshark 4.0) as the independent judge of what the encoders produce: no malformed
/// mark or warning, and the CableLabs values shown are the ones put in. Where tshark 4.0 has no
/// field for a value (option 122's addresses and realm, 125/4491 sub-options 123/124), the
/// dissection text is checked.
/// </summary>
public class TsharkTests
{
    static readonly IPEndPoint Client = new(IPAddress.Any, 68), Broadcast = new(IPAddress.Broadcast, 67);
    static readonly IPEndPoint EcmServer = new(Samples.EcmDhcpServer, 67), EcmClient = new(IPAddress.Broadcast, 68);
    static readonly IPEndPoint Relay = new(Samples.CmtsRelay, 67), EueServer = new(Samples.EueDhcpServer, 67);

    static string Pcap(params (DhcpMessage Message, IPEndPoint From, IPEndPoint To)[] datagrams) =>
        Tshark.PcapOfUdp([.. datagrams.Select(d => (d.Message.Encode(), d.From, d.To))]);

    static string Hex(string tsharkBytes) => tsharkBytes.Replace(":", "").Replace(" ", "").ToUpperInvariant();

    [Fact]
    public void The_eCM_DISCOVER_asks_for_122_in_option_55_and_for_123_and_124_in_the_125_ORO()
    {
        string pcap = Pcap((Samples.EcmDiscover(), Client, Broadcast));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "dhcp.option.dhcp", "dhcp.flags.bc", "dhcp.option.request_list_item", "dhcp.option.vi.enterprise",
            "dhcp.option.vi.cl.suboption", "dhcp.option.vi.cl.option_request", "dhcp.option.vendor_class_id", "dhcp.hw.mac_addr").Single();
        row[0].Should().Be("1");
        row[1].Should().BeOneOf("1", "True");
        row[2].Split(',').Should().Contain("122");
        row[3].Should().Be("4491");
        row[4].Should().Be("1");
        Hex(row[5]).Should().Be("7B7C");
        row[6].Should().Be("docsis3.0:");
        row[7].Should().Be("00:10:95:00:00:01");
    }

    [Theory]
    [InlineData(DhcpMessageType.Offer, "2")]
    [InlineData(DhcpMessageType.Ack, "5")]
    public void The_OFFER_and_ACK_show_all_122_sub_options_and_the_125_CableLabs_block(DhcpMessageType type, string code)
    {
        var reply = Samples.EcmReply(type);
        string pcap = Pcap((reply, EcmServer, EcmClient));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "dhcp.option.dhcp", "dhcp.option.dhcp_server_id", "dhcp.ip.your", "dhcp.file",
            "dhcp.vendor.pc.ietf_ccc.suboption",
            "dhcp.cl.ietf_ccc.dev_realm_unc_key_nom_timeout", "dhcp.cl.ietf_ccc.dev_realm_unc_key_max_timeout", "dhcp.cl.ietf_ccc.dev_realm_unc_key_max_retries",
            "dhcp.cl.ietf_ccc.dev_prov_unc_key_nom_timeout", "dhcp.cl.ietf_ccc.dev_prov_unc_key_max_timeout", "dhcp.cl.ietf_ccc.dev_prov_unc_key_max_retries",
            "dhcp.ccc.ietf.sec_tkt.pc_provision_server", "dhcp.ccc.ietf.sec_tkt.all_pc_call_management",
            "dhcp.option.vi.enterprise", "dhcp.option.vi.cl.suboption", "dhcp.option.value").Single();
        row[0].Should().Be(code);
        row[1].Should().Be("10.1.0.1");
        row[2].Should().Be("10.1.0.100");
        row[3].Should().Be("ecm.cfg");
        row[4].Should().Be("1,2,3,4,5,6,7,8,9");
        row[5..11].Should().Equal("100", "10", "3", "200", "20", "4");
        row[11].Should().BeOneOf("1", "True");
        row[12].Should().BeOneOf("1", "True");
        row[13].Should().Be("4491");
        row[14].Should().Be("123,124");
        // tshark 4.0 names 125/4491 sub-options 123 and 124 "Unknown" and has no field for their values: the raw 125 value must be ours.
        Hex(row[15]).Should().Contain(Convert.ToHexString(reply.GetOption(125)!.Value));
        Convert.ToHexString(reply.GetOption(125)!.Value).Should().Contain("7B" + "22" + "010E" + RawDhcp.Ascii("dhcpv6-primary"));

        string text = Tshark.Verbose(pcap);
        text.Should().Contain("TSP's Primary DHCP Server (1): 10.2.0.1 (4 bytes)");
        text.Should().Contain("TSP's Secondary DHCP Server (2): 255.255.255.255 (4 bytes)");
        text.Should().Contain("TSP's Provisioning Server (3): prov.example.net");
        text.Should().Contain("TSP's Kerberos Realm Name (6): BASIC.1");
        text.Should().Contain("TSP's Ticket Granting Server Utilization (7): Yes");
        text.Should().Contain("TSP's Provisioning Timer Value (8): 10");
        text.Should().Contain("PacketCable Security Ticket Control (9): 0x0003");
        text.Should().Contain("Option 125 Suboption: (123)").And.Contain("Option 125 Suboption: (124)");
    }

    [Fact]
    public void Wiresharks_CableLabs_DSS_ID_and_address_mode_decoders_read_our_CCCV6_and_IP_PREF_bytes()
    {
        // Cross-check of the settled inner formats: Wireshark decodes a top-level option 123 as
        // CableLabs DSS_IDs and a 1-byte 124 as the CableLabs address mode. The bytes are exactly
        // what we put inside 125/4491 sub-options 123 and 124 (a probe, not a spec message).
        var v4 = Samples.EcmReply(DhcpMessageType.Offer).CableLabsV4!;
        var probe = DhcpMessage.Create(DhcpMessageType.Offer, 5, RawDhcp.CmMac,
        [
            // (not 16 bytes long: Wireshark reads a 16-byte option 123 as RFC 6225 geo-location)
            new DhcpOption(123, Cccv6DssIds.Create(DssId.FromAscii("dss-primary")).Encode()),
            new DhcpOption(124, v4.SubOptions.Find(CableLabsV4Options.IpPrefCode)!.Value),
        ]);
        string pcap = Pcap((probe, EcmServer, EcmClient));
        var row = Tshark.Fields(pcap, "dhcp.option.cl_dss_id.option", "dhcp.option.cl_dss_id.len", "dhcp.option.cl_dss_id", "dhcp.option.vi_class.cl_address_mode").Single();
        row.Should().Equal("1", "11", "dss-primary", "2");
        Tshark.Verbose(pcap).Should().Contain("Primary DSS_ID").And.Contain("CableLab Address Mode: IPv6 (2)");
    }

    [Fact]
    public void The_eUE_DISCOVER_shows_pktc2_0_capabilities_the_RFC_4361_client_id_option_43_and_option_82()
    {
        var discover = Samples.RelayedEueDiscover();
        string pcap = Pcap((discover, Relay, EueServer));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "dhcp.option.vendor_class_id", "dhcp.vendor.pktc.mta_cap_len",
            "dhcp.client_id.iaid", "dhcp.client_id.duid_type", "dhcp.client_id.duid_llt_hw_type", "dhcp.client_id.time", "dhcp.client_id.link_layer_address",
            "dhcp.option.vendor.cl.device_type", "dhcp.option.vendor.cl.serial_number", "dhcp.option.vendor.cl.software_version",
            "dhcp.option.vendor.cl.mta_mac_address", "dhcp.option.vendor.cl.correlation_ID",
            "dhcp.option.agent_information_option.agent_circuit_id", "dhcp.option.agent_information_option.agent_remote_id", "dhcp.ip.relay").Single();
        row[0].Should().Be(discover.VendorClassIdentifier).And.StartWith("pktc2.0:05");
        row[1].Should().Be(discover.DeviceCapabilities!.Capabilities.Encode().Length.ToString());
        row[2].Should().Be("00000001");
        row[3].Should().Be("1");
        row[4].Should().Be("1");
        row[5].Should().Be(0x12345678.ToString());
        row[6].Should().Be("00:10:95:00:00:02");
        row[7..10].Should().Equal("EDVA", "SN-0001", "2.0.1");
        row[10].Should().Be("00:10:95:00:00:02");
        row[11].Should().Be("42");
        Hex(row[12]).Should().Be(RawDhcp.Ascii("cable-1/0/0"));
        Hex(row[13]).Should().Be("001095000001");
        row[14].Should().Be("10.1.0.254");

        string text = Tshark.Verbose(pcap);
        text.Should().Contain("0x01: PacketCable Version = PacketCable 2.0 (02)");
        text.Should().Contain("0x03: TGT Support = Yes (01)");
        text.Should().Contain("0x04: HTTP Download File Access Method Support = Yes (01)");
        text.Should().Contain("0x1A: Certificate Bootstrapping Support = Yes (01)");
        text.Should().Contain("0x0B: Supported CODEC(s) = PCMU (06), PCMA (09), G.729 (03)");
    }

    [Fact]
    public void A_domain_search_list_longer_than_255_bytes_is_split_per_RFC_3396_and_tshark_reassembles_it()
    {
        var names = Enumerable.Range(0, 20).SelectMany(i => DnsLabels.Encode($"host{i:D2}.provisioning.example.net")).ToArray();
        names.Length.Should().BeGreaterThan(255);
        var ack = DhcpMessage.ReplyTo(Samples.EueDiscover(), DhcpMessageType.Ack, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"),
            [new DhcpOption(DhcpOptionCode.DomainSearch, names)]);
        string pcap = Pcap((ack, EueServer, new IPEndPoint(IPAddress.Broadcast, 68)));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "dhcp.option.length", "dhcp.option.dhcp_dns_domain_search_list_rfc_3396_detected", "dhcp.option.dhcp_dns_domain_search_list_fqdn").Single();
        int instances = (names.Length + 254) / 255;
        row[0].Split(',').Skip(2).Should().Equal([.. Enumerable.Repeat("255", instances - 1), (names.Length - 255 * (instances - 1)).ToString()]);
        row[1].Should().Be(string.Join(",", Enumerable.Range(1, instances).Select(i => $"{i}/{instances}")));
        row[2].Split(',').Should().HaveCount(20).And.Contain("host00.provisioning.example.net").And.Contain("host19.provisioning.example.net");
    }

    [Fact]
    public void An_ACK_overloading_file_and_sname_decodes_with_its_options_there()
    {
        var ack = DhcpMessage.ReplyTo(Samples.EueDiscover(), DhcpMessageType.Ack, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"),
        [
            DhcpOption.OptionOverload(OptionOverload.Both),
            Samples.EueClientConfiguration().ToOption(),
            DhcpOption.FromString(DhcpOptionCode.HostName, "eue-0001"),
            DhcpOption.FromString(DhcpOptionCode.DomainName, "voice.example.net"),
        ]) with { SName = null, File = null };
        // Room for 53, 54, 52 and the end in the options field: 122, 12 and 15 go to file, then sname.
        var settings = new DhcpEncodingSettings { OverloadedOptionsFieldLength = 3 + 6 + 3 + 1 };
        var bytes = ack.Encode(settings);
        DhcpMessage.Decode(bytes).Should().Be(ack);
        string pcap = Tshark.PcapOfUdp((bytes, EueServer, new IPEndPoint(IPAddress.Broadcast, 68)));
        Tshark.Problems(pcap).Should().BeEmpty();
        var row = Tshark.Fields(pcap, "dhcp.option.option_overload", "dhcp.option.hostname", "dhcp.option.domain_name", "dhcp.vendor.pc.ietf_ccc.suboption").Single();
        row.Should().Equal("3", "eue-0001", "voice.example.net", "1,2,3,4,5,6,7,8,9");
    }

    [Fact]
    public void The_eUE_REQUEST_and_ACK_show_every_header_field_and_each_RFC_2132_option_with_our_values()
    {
        // eUE-3/eUE-4 (MTA-3/MTA-4): the REQUEST names the offered address (50) and the server (54); the ACK
        // carries the options EUE-PROV 6.3.2.4 speaks of (1, 3, 6, 7, 12, 15, 51) beside 54 and 122.
        var request = DhcpMessage.Create(DhcpMessageType.Request, Samples.EueXid, RawDhcp.EueMac,
            [Samples.EueClientId().ToOption(), DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, IPAddress.Parse("10.2.0.100")),
             DhcpOption.ServerIdentifier(Samples.EueDhcpServer), DhcpOption.ParameterRequestList(1, 3, 6, 7, 12, 15, 43, 122)]) with { Secs = 7, Hops = 1, GiAddr = Samples.CmtsRelay };
        var ack = DhcpMessage.ReplyTo(request, DhcpMessageType.Ack, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"),
            [DhcpOption.LeaseTime(86400),
             DhcpOption.FromAddress(DhcpOptionCode.SubnetMask, IPAddress.Parse("255.255.255.0")),
             DhcpOption.FromAddresses(DhcpOptionCode.Router, IPAddress.Parse("10.2.0.254")),
             DhcpOption.FromAddresses(DhcpOptionCode.DomainNameServer, IPAddress.Parse("10.2.0.53"), IPAddress.Parse("10.2.0.54")),
             DhcpOption.FromAddresses(DhcpOptionCode.LogServer, IPAddress.Parse("10.2.0.5"), IPAddress.Parse("10.2.0.6")),
             DhcpOption.FromString(DhcpOptionCode.HostName, "eue-0001"),
             DhcpOption.FromString(DhcpOptionCode.DomainName, "voice.example.net"),
             Samples.EueClientConfiguration().ToOption()], siAddr: IPAddress.Parse("10.2.0.69"))
            with { SName = DhcpMessage.FieldOf("tftp.example.net", 64), File = DhcpMessage.FieldOf("eue-0001.cfg", 128) };
        string pcap = Pcap((request, Relay, EueServer), (ack, EueServer, Relay));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var header = Tshark.Fields(pcap, "dhcp.type", "dhcp.hw.type", "dhcp.hw.len", "dhcp.hops", "dhcp.id", "dhcp.secs", "dhcp.flags",
            "dhcp.ip.client", "dhcp.ip.your", "dhcp.ip.server", "dhcp.ip.relay", "dhcp.hw.mac_addr", "dhcp.server", "dhcp.file", "dhcp.cookie");
        header[0].Should().Equal("1", "0x01", "6", "1", "0x44910002", "7", "0x0000", "0.0.0.0", "0.0.0.0", "0.0.0.0", "10.1.0.254", "00:10:95:00:00:02", "", "", "99.130.83.99");
        // RFC 2131 Table 3: the server sets hops to 0 and copies xid, flags, giaddr and chaddr.
        header[1].Should().Equal("2", "0x01", "6", "0", "0x44910002", "0", "0x0000", "0.0.0.0", "10.2.0.100", "10.2.0.69", "10.1.0.254", "00:10:95:00:00:02", "tftp.example.net", "eue-0001.cfg", "99.130.83.99");
        Tshark.Fields(pcap, "dhcp.option.dhcp", "dhcp.option.requested_ip_address", "dhcp.option.dhcp_server_id", "dhcp.option.request_list_item")[0]
            .Should().Equal("3", "10.2.0.100", "10.2.0.1", "1,3,6,7,12,15,43,122");
        Tshark.Fields(pcap, "dhcp.option.dhcp", "dhcp.option.dhcp_server_id", "dhcp.option.ip_address_lease_time", "dhcp.option.subnet_mask",
            "dhcp.option.router", "dhcp.option.domain_name_server", "dhcp.option.log_server", "dhcp.option.hostname", "dhcp.option.domain_name",
            "dhcp.option.type", "dhcp.option.end")[1]
            .Should().Equal("5", "10.2.0.1", "86400", "255.255.255.0", "10.2.0.254", "10.2.0.53,10.2.0.54", "10.2.0.5,10.2.0.6", "eue-0001", "voice.example.net",
                // tshark 4.0 gives the End option's item the type 0 (it shows "Option: (255) End"); its own field says 255.
                "53,54,51,1,3,6,7,12,15,122,0", "255");
    }

    [Fact]
    public void Every_message_type_of_both_flows_decodes_without_problems()
    {
        var ecmRequest = DhcpMessage.Create(DhcpMessageType.Request, Samples.CmXid, RawDhcp.CmMac,
            [.. Samples.EcmDiscover().Options.Skip(1), DhcpOption.ServerIdentifier(Samples.EcmDhcpServer),
             DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, IPAddress.Parse("10.1.0.100"))], broadcast: true);
        var eueRequest = DhcpMessage.Create(DhcpMessageType.Request, Samples.EueXid, RawDhcp.EueMac,
            [.. Samples.EueDiscover().Options.Skip(1), DhcpOption.ServerIdentifier(Samples.EueDhcpServer),
             DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, IPAddress.Parse("10.2.0.100"))]);
        var eueOffer = DhcpMessage.ReplyTo(Samples.EueDiscover(), DhcpMessageType.Offer, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"),
            [DhcpOption.LeaseTime(86400), DhcpOption.FromAddresses(DhcpOptionCode.LogServer, IPAddress.Parse("10.2.0.5")),
             DhcpOption.FromString(DhcpOptionCode.HostName, "eue-0001"), DhcpOption.FromString(DhcpOptionCode.DomainName, "voice.example.net"),
             Samples.EueClientConfiguration().ToOption()]);
        var eueAck = DhcpMessage.ReplyTo(eueRequest, DhcpMessageType.Ack, Samples.EueDhcpServer, IPAddress.Parse("10.2.0.100"), eueOffer.Options.Skip(2));
        var nak = DhcpMessage.ReplyTo(eueRequest, DhcpMessageType.Nak, Samples.EueDhcpServer, options: [DhcpOption.FromString(DhcpOptionCode.Message, "wrong network")]);
        var decline = DhcpMessage.Create(DhcpMessageType.Decline, 11, RawDhcp.EueMac,
            [DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, IPAddress.Parse("10.2.0.100")), DhcpOption.ServerIdentifier(Samples.EueDhcpServer)]);
        var release = DhcpMessage.Create(DhcpMessageType.Release, 12, RawDhcp.EueMac, [DhcpOption.ServerIdentifier(Samples.EueDhcpServer)])
            with { CiAddr = IPAddress.Parse("10.2.0.100") };
        var inform = DhcpMessage.Create(DhcpMessageType.Inform, 13, RawDhcp.EueMac, [DhcpOption.ParameterRequestList(6, 7, 122)])
            with { CiAddr = IPAddress.Parse("10.2.0.100") };

        string pcap = Pcap(
            (Samples.EcmDiscover(), Client, Broadcast), (Samples.EcmReply(DhcpMessageType.Offer), EcmServer, EcmClient),
            (ecmRequest, Client, Broadcast), (Samples.EcmReply(DhcpMessageType.Ack), EcmServer, EcmClient),
            (Samples.EueDiscover(), Client, Broadcast), (eueOffer, EueServer, EcmClient), (eueRequest, Client, Broadcast),
            (eueAck, EueServer, EcmClient), (nak, EueServer, EcmClient), (decline, Client, Broadcast),
            (release, new IPEndPoint(IPAddress.Parse("10.2.0.100"), 68), EueServer), (inform, new IPEndPoint(IPAddress.Parse("10.2.0.100"), 68), EueServer));
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, "dhcp.option.dhcp").Select(r => r[0]).Should().Equal("1", "2", "3", "5", "1", "2", "3", "5", "6", "4", "7", "8");
    }
}
