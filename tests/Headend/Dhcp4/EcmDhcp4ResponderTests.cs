using System.Net;
using EUeConformance.Headend.Servers.Dhcp4;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Tests.Headend.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Dhcp4;

/// <summary>The eCM's DHCPv4 server, EUE-PROV 6.2.8.1 and Table 2 (CM2, CM4).</summary>
public sealed class EcmDhcp4ResponderTests
{
    static DhcpMessage Offer(EcmDhcp4Responder server, DhcpMessage discover) =>
        server.Decide(discover, From()).Replies.Should().ContainSingle().Subject.Message;

    [Fact]
    public void CM2_an_offer_carries_option_122_with_the_eUE_DHCPv4_servers_when_option_55_asks_for_it()
    {
        var offer = Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover());
        offer.MessageType.Should().Be(DhcpMessageType.Offer);
        offer.YiAddr.Should().Be(EcmV4);
        offer.ClientConfiguration!.PrimaryDhcpServer.Should().Be(HeadendV4);
        offer.ClientConfiguration!.SecondaryDhcpServer.Should().Be(SecondServerV4);
    }

    [Fact]
    public void CM2_an_offer_carries_CL_V4OPTION_CCCV6_with_the_primary_and_secondary_DSS_IDs_when_CL_V4OPTION_ORO_asks_for_123()
    {
        var cccv6 = Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover()).CableLabsV4!.Cccv6!;
        cccv6.Primary.Should().Be(PrimaryDssId);
        cccv6.Secondary.Should().Be(SecondaryDssId);
    }

    [Fact]
    public void CM2_an_offer_with_both_eUE_server_options_carries_CL_V4OPTION_IP_PREF()
    {
        Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover()).CableLabsV4!.IpPref.Should().Be(IpPreference.Ipv6);
        var v4 = Offer(new EcmDhcp4Responder(SampleDatabase(ecm: e => e with { EueIpPreference = IpPreference.Ipv4 })), EcmDiscover());
        v4.CableLabsV4!.IpPref.Should().Be(IpPreference.Ipv4);
    }

    [Fact]
    public void CM2_options_the_eCM_did_not_request_are_not_sent()
    {
        var offer = Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover(ask122: false, askCccv6: true, askIpPref: false));
        offer.HasOption(DhcpOptionCode.CableLabsClientConfiguration).Should().BeFalse();
        offer.CableLabsV4!.Cccv6.Should().NotBeNull();
        offer.CableLabsV4!.IpPref.Should().BeNull("IP_PREF goes only with both options");

        var only122 = Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover(ask122: true, askCccv6: false, askIpPref: false));
        only122.HasOption(DhcpOptionCode.ViVendorSpecificInformation).Should().BeFalse();
    }

    [Fact]
    public void CM2_a_server_prohibited_from_enabling_the_eUE_sends_0_0_0_0_and_the_all_zero_DSS_ID()
    {
        var db = SampleDatabase(ecm: e => e with { EueDhcpV4Primary = IPAddress.Any, EueDhcpV4Secondary = null, EueDssIdPrimary = DssId.DoNotProvision, EueDssIdSecondary = null });
        var offer = Offer(new EcmDhcp4Responder(db), EcmDiscover());
        offer.ClientConfiguration!.IsDoNotProvision.Should().BeTrue();
        offer.CableLabsV4!.Cccv6!.Primary!.Value.IsDoNotProvision.Should().BeTrue();
    }

    [Fact]
    public void Secure_deployments_give_the_eCM_its_ToD_servers_and_time_offset_6_2_8_1()
    {
        var offer = Offer(new EcmDhcp4Responder(SampleDatabase()), EcmDiscover());
        offer.GetOption(DhcpOptionCode.TimeServer)!.AsAddresses().Should().Equal(HeadendV4);
        offer.GetOption(DhcpOptionCode.TimeOffset)!.AsInt32().Should().Be(-18000);
        offer.BootFileName.Should().Be("cm.cfg");
        offer.SiAddr.Should().Be(HeadendV4);
    }

    [Fact]
    public void CM4_the_ACK_carries_every_option_and_sub_option_of_the_OFFER()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        var offer = Offer(server, EcmDiscover());
        var ack = server.Decide(Request(EcmMac, HeadendV4, EcmV4, extra: EcmDiscover().Options.Skip(1)), From()).Replies.Single().Message;
        ack.MessageType.Should().Be(DhcpMessageType.Ack);
        ack.Options.Skip(1).Should().Equal(offer.Options.Skip(1), "everything after option 53 is the same");
        ack.YiAddr.Should().Be(offer.YiAddr);
    }

    [Fact]
    public void A_request_naming_another_server_is_left_to_that_server()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        Offer(server, EcmDiscover());
        var decision = server.Decide(Request(EcmMac, IPAddress.Parse("192.0.2.99"), EcmV4), From());
        decision.IsSilent.Should().BeTrue();
        decision.Notes.Should().Contain(n => n.Contains("not one of ours"));
    }

    [Fact]
    public void A_request_for_an_address_the_server_did_not_offer_gets_a_NAK_by_broadcast()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        Offer(server, EcmDiscover());
        var nak = server.Decide(Request(EcmMac, HeadendV4, IPAddress.Parse("192.0.2.77")), From()).Replies.Single();
        nak.Message.MessageType.Should().Be(DhcpMessageType.Nak);
        nak.Destination.Should().Be(new IPEndPoint(IPAddress.Broadcast, 68));
    }

    [Fact]
    public void A_relayed_DISCOVER_is_answered_through_giaddr_with_the_relay_agent_option_echoed_RFC_3046()
    {
        var relay = IPAddress.Parse("192.0.2.254");
        var agent = RelayAgentInformation.Create(circuitId: [1, 2], remoteId: EcmMac.GetAddressBytes()).ToOption();
        var discover = EcmDiscover() with { GiAddr = relay, Hops = 1 };
        discover = discover.WithOption(agent);
        var offer = new EcmDhcp4Responder(SampleDatabase()).Decide(discover, From(67)).Replies.Single();
        offer.Destination.Should().Be(new IPEndPoint(relay, 67));
        offer.Message.GiAddr.Should().Be(relay);
        offer.Message.Options[^1].Should().Be(agent, "RFC 3046 §2.2: the server echoes option 82, last");
    }

    [Fact]
    public void A_renewing_client_with_ciaddr_gets_its_ACK_unicast()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        Offer(server, EcmDiscover());
        server.Decide(Request(EcmMac, HeadendV4, EcmV4), From());
        var renew = DhcpMessage.Create(DhcpMessageType.Request, 0x77, EcmMac.GetAddressBytes()) with { CiAddr = EcmV4 };
        var ack = server.Decide(renew, From()).Replies.Single();
        ack.Message.MessageType.Should().Be(DhcpMessageType.Ack);
        ack.Destination.Should().Be(new IPEndPoint(EcmV4, 68));
    }

    [Fact]
    public void A_client_outside_the_database_gets_no_answer()
    {
        var stranger = DhcpMessage.Create(DhcpMessageType.Discover, 1, [0x00, 0x10, 0x95, 9, 9, 9]);
        new EcmDhcp4Responder(SampleDatabase()).Serves(stranger).Should().BeFalse();
        new EcmDhcp4Responder(SampleDatabase()).Decide(stranger, From()).IsSilent.Should().BeTrue();
    }

    [Fact]
    public void The_database_can_leave_an_option_out_for_one_device()
    {
        var offer = Offer(new EcmDhcp4Responder(SampleDatabase(ecm: e => e with { OmitOptions = ["122.2", "125.124"] })), EcmDiscover());
        offer.ClientConfiguration!.SecondaryDhcpServer.Should().BeNull();
        offer.CableLabsV4!.IpPref.Should().BeNull();
        offer.CableLabsV4!.Cccv6.Should().NotBeNull();
    }
}
