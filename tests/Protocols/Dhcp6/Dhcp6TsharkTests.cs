using System.Net;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>
/// tshark (Wireshark 4.0) as the independent judge of what the encoders produce: every message kind of
/// the E-UE flows, over UDP 546/547 (SOLICIT to ff02::1:2), decodes without an expert warning or
/// malformed mark, and shows the values put in, CableLabs ones included.
/// </summary>
public class Dhcp6TsharkTests
{
    static readonly IPAddress ServerLinkLocal = IPAddress.Parse("fe80::1");

    static (byte[], IPEndPoint, IPEndPoint) FromClient(Dhcp6Message m) =>
        (m.Encode(), new IPEndPoint(Dhcp6Samples.EueLinkLocal, 546), new IPEndPoint(Dhcp6Samples.AllDhcpRelayAgentsAndServers, 547));

    static (byte[], IPEndPoint, IPEndPoint) FromServer(Dhcp6Message m) =>
        (m.Encode(), new IPEndPoint(ServerLinkLocal, 547), new IPEndPoint(Dhcp6Samples.EueLinkLocal, 546));

    static (byte[], IPEndPoint, IPEndPoint) RelayToServer(Dhcp6Message m) =>
        (m.Encode(), new IPEndPoint(Dhcp6Samples.RelayLinkAddress, 547), new IPEndPoint(Dhcp6Samples.ServerAddress, 547));

    static (byte[], IPEndPoint, IPEndPoint) ServerToRelay(Dhcp6Message m) =>
        (m.Encode(), new IPEndPoint(Dhcp6Samples.ServerAddress, 547), new IPEndPoint(Dhcp6Samples.RelayLinkAddress, 547));

    static string Pcap(params (byte[], IPEndPoint, IPEndPoint)[] datagrams) => Tshark.PcapOfUdp(datagrams);

    static string[] Row(string pcap, params string[] fields) => Tshark.Fields(pcap, fields).Single();

    [Fact]
    public void Every_message_kind_decodes_without_problems_and_with_its_type()
    {
        string pcap = Pcap(
            FromClient(Dhcp6Samples.Solicit()), FromServer(Dhcp6Samples.Advertise()), FromClient(Dhcp6Samples.Request()),
            FromServer(Dhcp6Samples.Reply()), FromClient(Dhcp6Samples.Renew()), FromClient(Dhcp6Samples.Rebind()),
            FromClient(Dhcp6Samples.Decline()), FromClient(Dhcp6Samples.Release()), FromClient(Dhcp6Samples.Confirm()),
            FromClient(Dhcp6Samples.InformationRequest()), FromServer(Dhcp6Samples.Reconfigure()),
            RelayToServer(Dhcp6Samples.RelayForw()), ServerToRelay(Dhcp6Samples.RelayRepl()),
            FromServer(Dhcp6Samples.EcmAdvertise()), FromClient(Dhcp6Samples.EcmSolicit()));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        Tshark.Fields(pcap, "dhcpv6.msgtype").Select(r => r[0]).Should().Equal(
            "1", "2", "3", "7", "5", "6", "9", "8", "4", "11", "10", "12,1", "13,2", "2", "1");
        Tshark.Fields(pcap, "udp.checksum.status").Should().OnlyContain(r => r[0] == "1");
    }

    [Fact]
    public void The_eUE_1_SOLICIT_goes_to_ff02__1_2_and_shows_every_Table_5_value()
    {
        string pcap = Pcap(FromClient(Dhcp6Samples.Solicit()));
        Tshark.Problems(pcap).Should().BeEmpty();
        Row(pcap, "ipv6.dst", "eth.dst", "udp.srcport", "udp.dstport", "dhcpv6.msgtype", "dhcpv6.xid").Should().Equal(
            "ff02::1:2", "33:33:00:01:00:02", "546", "547", "1", "0x4a1b2c");
        Row(pcap, "dhcpv6.duid.type", "dhcpv6.duidllt.hwtype", "dhcpv6.duidllt.link_layer_addr", "dhcpv6.iaid", "dhcpv6.iaid.t1", "dhcpv6.elapsed_time").Should().Equal(
            "1", "1", "00:10:95:00:00:02", "0a000002", "0", "0");
        // OPTION_FQDN: S=1, N=0 (Wireshark shows no O bit for a client message) and an empty domain name.
        Row(pcap, "dhcpv6.client_fqdn_flags", "dhcpv6.clientfqdn.client.s", "dhcpv6.clientfqdn.client.n", "dhcpv6.client_domain").Should().Equal(
            "0x01", "1", "0", "");
        Row(pcap, "dhcpv6.requested_option_code").Should().Equal("39,23");
        Row(pcap, "dhcpv6.vendorclass.enterprise", "dhcpv6.vendorclass.data").Should().Equal("4491", "pktc2.0");
        Row(pcap, "dhcpv6.vendoropts.enterprise", "dhcpv6.cablelabs.opt").Should().Equal("4491", "1,2,4,5,6,7,8,9,10,35,36");
        // CL_OPTION_MODEM_CAPABILITIES with device type EDVA: Wireshark names the eUE capabilities 5.1, 5.3, 5.4, 5.26.
        Row(pcap, "dhcpv6.packetcable.cccV6.tlv5.suboption", "dhcpv6.cccV6.tlv5.suboption.value_number").Should().Equal("1,3,4,26", "2,1,1,1");
        // Wireshark 4.0 has no fields for the CableLabs text sub-options: it appends the value to the sub-option's line.
        string text = Tshark.Verbose(pcap);
        text.Should().Contain("Option Request =  (1) 32 33 34 2171")
            .And.Contain("Device Type =  (2)\"EDVA\"")
            .And.Contain("Serial Number =  (4)\"SN-0001-2345\"")
            .And.Contain("Hardware Version =  (5)\"HW-1.0\"")
            .And.Contain("Software Version =  (6)\"SW-2.0.1\"")
            .And.Contain("Boot ROM Version =  (7)\"BR-1.2\"")
            .And.Contain("Organization Unique Identifier =  (8)00:10:95")
            .And.Contain("Model Number =  (9)\"EUE-2000\"")
            .And.Contain("Vendor Name =  (10)\"Example Vendor\"")
            .And.Contain("Device Identifier =  (36)001095000002")
            .And.Contain("Certificate Bootstrapping Support (26)");
    }

    [Theory]
    [InlineData(Dhcp6MessageType.Advertise)]
    [InlineData(Dhcp6MessageType.Reply)]
    public void ADVERTISE_and_REPLY_show_CL_OPTION_CCCV6_with_the_DSS_ID_the_provisioning_server_and_the_realm(Dhcp6MessageType type)
    {
        string pcap = Pcap(FromServer(type == Dhcp6MessageType.Advertise ? Dhcp6Samples.Advertise() : Dhcp6Samples.Reply()));
        Tshark.Problems(pcap).Should().BeEmpty();
        Row(pcap, "udp.srcport", "udp.dstport", "dhcpv6.msgtype", "dhcpv6.duiden.enterprise", "dhcpv6.iaaddr.ip", "dhcpv6.iaaddr.pref_lifetime", "dhcpv6.iaaddr.valid_lifetime").Should().Equal(
            "547", "546", ((int)type).ToString(), "4491", "2001:db8:1::100", "3600", "7200");
        Row(pcap, "dhcpv6.cablelabs.opt", "dhcpv6.cablelabs.ipv6_server").Should().Equal("32,33,34,2171", "2001:db8:1::69,2001:db8:1::514");
        Row(pcap, "dhcpv6.packetcable.cccV6.suboption", "dhcpv6.packetcable.cccV6.pri_dss", "dhcpv6.packetcable.cccV6.prov_srv.type",
            "dhcpv6.packetcable.cccV6.prov_srv.fqdn", "dhcpv6.packetcable.cccV6.krb_realm").Should().Equal(
            "1,3,4,5,6,7,8,9", "eue-dhcp6-primary", "0", "prov.example.net.", "BASIC.1.");
        Row(pcap, "dhcpv6.packetcable.cccV6.as_krb.nominal_timeout", "dhcpv6.packetcable.cccV6.as_krb.max_timeout", "dhcpv6.packetcable.cccV6.as_krb.max_retry_count",
            "dhcpv6.packetcable.cccV6.ap_krb.nominal_timeout", "dhcpv6.packetcable.cccV6.tgt_flag.fetch", "dhcpv6.packetcable.cccV6.prov_timer", "dhcpv6.packetcable.cccV6.sec_tcm").Should().Equal(
            "10000", "100", "3", "5000", "1", "10", "0x0003");
        Row(pcap, "dhcpv6.dns_server", "dhcpv6.client_domain", "dhcpv6.clientfqdn.server.s", "dhcpv6.clientfqdn.server.o").Should().Equal(
            "2001:db8:1::53", "eue-0001.example.net.", "1", "0");
        Tshark.Verbose(pcap).Should().Contain("Configuration File Name =  (33)\"eue-0001.cfg\"");
    }

    [Fact]
    public void REQUEST_RENEW_DECLINE_RELEASE_name_the_server_and_the_IA_address()
    {
        string pcap = Pcap(FromClient(Dhcp6Samples.Request()), FromClient(Dhcp6Samples.Renew()), FromClient(Dhcp6Samples.Decline()), FromClient(Dhcp6Samples.Release()));
        Tshark.Problems(pcap).Should().BeEmpty();
        var rows = Tshark.Fields(pcap, "dhcpv6.msgtype", "dhcpv6.duid.type", "dhcpv6.duiden.enterprise", "dhcpv6.iaaddr.ip");
        rows.Select(r => string.Join("|", r)).Should().Equal(
            "3|1,2|4491|2001:db8:1::100", "5|1,2|4491|2001:db8:1::100", "9|1,2|4491|2001:db8:1::100", "8|1,2|4491|2001:db8:1::100");
        // EUE-PROV 6.3.5: RENEW carries the last known FQDN.
        var more = Tshark.Fields(pcap, "frame.number", "dhcpv6.client_domain", "dhcpv6.cablelabs.opt");
        more[1].Should().Equal("2", "eue-0001.example.net.", "");
        more[0].Should().Equal(new[] { "1", "", "1,2,4,5,6,7,8,9,10,35,36" }, "the REQUEST repeats the SOLICIT's CableLabs options (eUE-3)");
    }

    [Fact]
    public void RECONFIGURE_shows_the_message_to_send_and_its_authentication()
    {
        string pcap = Pcap(FromServer(Dhcp6Samples.Reconfigure()));
        Tshark.Problems(pcap).Should().BeEmpty();
        Row(pcap, "dhcpv6.msgtype", "dhcpv6.reconf_msg", "dhcpv6.auth.protocol", "dhcpv6.auth.algorithm", "dhcpv6.auth.rdm").Should().Equal("10", "5", "3", "1", "0");
    }

    [Fact]
    public void RELAY_FORW_carries_the_SOLICIT_with_its_link_peer_and_interface_id()
    {
        string pcap = Pcap(RelayToServer(Dhcp6Samples.RelayForw()));
        Tshark.Problems(pcap).Should().BeEmpty();
        Row(pcap, "dhcpv6.msgtype", "dhcpv6.hopcount", "dhcpv6.linkaddr", "dhcpv6.peeraddr", "dhcpv6.interface_id").Should().Equal(
            "12,1", "0", "2001:db8:1::fffe", "fe80::210:95ff:fe00:2", Convert.ToHexString("cable-mac1"u8).ToLowerInvariant());
        Row(pcap, "dhcpv6.xid", "dhcpv6.vendorclass.data", "dhcpv6.cablelabs.opt").Should().Equal("0x4a1b2c", "pktc2.0", "1,2,4,5,6,7,8,9,10,35,36");
    }

    [Fact]
    public void Status_codes_Rapid_Commit_Reconfigure_Accept_and_the_RFC_868_servers_show_with_our_values()
    {
        // The eCM may use Rapid Commit (the eUE MUST NOT, Table 5); a server answers it with a REPLY carrying
        // RAPID_COMMIT, RECONF_ACCEPT and status codes, at message level and inside an IA_NA it cannot serve.
        var solicit = Dhcp6Message.Create(Dhcp6MessageType.Solicit, 0x00C0DF,
            [.. Dhcp6Samples.EcmSolicit().Options, Dhcp6Options.RapidCommit()]);
        var reply = Dhcp6Message.Create(Dhcp6MessageType.Reply, 0x00C0DF,
            Dhcp6Options.ServerId(Dhcp6Samples.ServerDuid),
            Dhcp6Options.ClientId(Dhcp6Samples.ClientDuid),
            Dhcp6Options.IaNa(new IaNa(7, 0, 0, [Dhcp6Options.StatusCode(Dhcp6Status.NoAddrsAvail, "no addresses left")])),
            Dhcp6Options.StatusCode(Dhcp6Status.Success, "done"),
            Dhcp6Options.RapidCommit(),
            Dhcp6Options.ReconfAccept(),
            Dhcp6Options.VendorOpts(EUeConformance.Protocols.Dhcp.CableLabs.EnterpriseNumber,
                ClOptions.Rfc868Servers(IPAddress.Parse("2001:db8:1::37"), IPAddress.Parse("2001:db8:1::38")),
                ClOptions.TimeOffset(3600)));
        string pcap = Pcap(FromClient(solicit), FromServer(reply));
        Tshark.Problems(pcap).Should().BeEmpty(Tshark.Verbose(pcap));
        var rows = Tshark.Fields(pcap, "dhcpv6.msgtype", "dhcpv6.option.type", "dhcpv6.status_code", "dhcpv6.status_msg", "dhcpv6.iaid", "dhcpv6.cablelabs.opt", "dhcpv6.cablelabs.ipv6_server");
        rows[0][0].Should().Be("1");
        rows[0][1].Split(',').Should().Contain("14", "the SOLICIT carries OPTION_RAPID_COMMIT");
        rows[1].Should().Equal("7", "2,1,3,13,13,14,20,17", "2,0", "no addresses left,done", "00000007", "37,38", "2001:db8:1::37,2001:db8:1::38");
        var decoded = Dhcp6Message.Decode(reply.Encode());
        (decoded.RapidCommit, decoded.ReconfigureAccept, decoded.Status!.Value.Code, decoded.IaNas.Single().Status!.Value.Code)
            .Should().Be((true, true, Dhcp6Status.Success, Dhcp6Status.NoAddrsAvail));
        decoded.CableLabs!.Rfc868Servers!.Select(a => a.ToString()).Should().Equal("2001:db8:1::37", "2001:db8:1::38");
        Tshark.Verbose(pcap).Should().Contain("Time Offset =  (38)3600");
    }

    [Fact]
    public void The_eCM_ADVERTISE_shows_CL_OPTION_CCC_the_DSS_IDs_and_IP_PREF()
    {
        string pcap = Pcap(FromServer(Dhcp6Samples.EcmAdvertise()));
        Tshark.Problems(pcap).Should().BeEmpty();
        Row(pcap, "dhcpv6.cablelabs.opt", "dhcpv6.packetcable.ccc.pri_dhcp", "dhcpv6.packetcable.ccc.sec_dhcp",
            "dhcpv6.packetcable.cccV6.pri_dss", "dhcpv6.packetcable.cccV6.sec_dss").Should().Equal(
            "32,33,2170,2171,39,38", "10.0.0.1", "10.0.0.2", "eue-dhcp6-primary", "eue-dhcp6-secondary");
        Tshark.Verbose(pcap).Should().Contain("IP preference :  (39)IPv6").And.Contain("Time Offset =  (38)-18000");
    }
}
