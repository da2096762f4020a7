using System.Net;
using EUeConformance.Headend.Servers.Dhcp6;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Dhcp6;

/// <summary>The eCM's DHCPv6 server, EUE-PROV Table 3 (CM2v6, CM4v6) and RFC 3315.</summary>
public sealed class EcmDhcp6ResponderTests
{
    static Dhcp6Message Advertise(EcmDhcp6Responder s, Dhcp6Message solicit) => s.Decide(solicit, From6(EcmMac)).Replies.Single().Message;

    [Fact]
    public void CM2v6_the_ADVERTISE_carries_CL_OPTION_CCC_CL_OPTION_CCCV6_and_IP_PREF_in_OPTION_VENDOR_OPTS()
    {
        var advertise = Advertise(new EcmDhcp6Responder(SampleDatabase()), EcmSolicit());
        advertise.Type.Should().Be(Dhcp6MessageType.Advertise);
        var cl = advertise.CableLabs!;
        cl.Ccc!.PrimaryDhcpServer.Should().Be(HeadendV4);
        cl.Ccc!.SecondaryDhcpServer.Should().Be(SecondServerV4);
        cl.Cccv6!.PrimaryDssId.Should().Be(PrimaryDssId);
        cl.Cccv6!.SecondaryDssId.Should().Be(SecondaryDssId);
        cl.IpPref.Should().Be((byte)IpPreference.Ipv6);
        cl.Rfc868Servers.Should().Equal(HeadendV6);
        cl.TimeOffset.Should().Be(-18000);
        advertise.IaNa!.Addresses.Single().Address.Should().Be(EcmV6);
        advertise.ServerId.Should().Be(Docsis.Duid);
        advertise.ClientId.Should().Be(EcmDuid);
    }

    [Fact]
    public void CM2v6_only_the_requested_eUE_options_are_sent_and_IP_PREF_only_with_both()
    {
        var cl = Advertise(new EcmDhcp6Responder(SampleDatabase()), EcmSolicit(clOro: [ClOptionCode.Cccv6])).CableLabs!;
        cl.Ccc.Should().BeNull();
        cl.Cccv6.Should().NotBeNull();
        cl.IpPref.Should().BeNull();
    }

    [Fact]
    public void CM4v6_the_REPLY_carries_every_option_of_the_ADVERTISE()
    {
        var server = new EcmDhcp6Responder(SampleDatabase());
        var advertise = Advertise(server, EcmSolicit());
        var request = Dhcp6Message.Create(Dhcp6MessageType.Request, 0x111, [.. EcmSolicit().Options, Dhcp6Options.ServerId(Docsis.Duid)]);
        var reply = server.Decide(request, From6(EcmMac)).Replies.Single().Message;
        reply.Type.Should().Be(Dhcp6MessageType.Reply);
        reply.TransactionId.Should().Be(0x111);
        reply.Options.Should().Equal(advertise.Options);
    }

    [Fact]
    public void Rapid_Commit_is_honoured_with_a_single_REPLY_RFC_3315_17_2_3()
    {
        var reply = Advertise(new EcmDhcp6Responder(SampleDatabase()), EcmSolicit(rapidCommit: true));
        reply.Type.Should().Be(Dhcp6MessageType.Reply);
        reply.RapidCommit.Should().BeTrue();
        var refused = Advertise(new EcmDhcp6Responder(SampleDatabase(ecm: e => e with { AllowRapidCommit = false })), EcmSolicit(rapidCommit: true));
        refused.Type.Should().Be(Dhcp6MessageType.Advertise);
    }

    [Fact]
    public void A_relayed_SOLICIT_is_answered_in_a_RELAY_REPL_to_the_relay_with_the_interface_id_echoed()
    {
        var relayed = Dhcp6Message.CreateRelay(Dhcp6MessageType.RelayForw, 0, IPAddress.Parse("2001:db8:1::fe"), IPAddress.Parse("fe80::210:95ff:fe00:1"),
            Dhcp6Options.InterfaceId([9, 9]), Dhcp6Options.RelayMsg(EcmSolicit()));
        var relay = new IPEndPoint(IPAddress.Parse("2001:db8:1::fe"), 547);
        var decision = new EcmDhcp6Responder(SampleDatabase()).Decide(relayed, From6() with { From = relay });
        var reply = decision.Replies.Single();
        reply.Destination.Should().Be(relay);
        reply.Message.Type.Should().Be(Dhcp6MessageType.RelayRepl);
        reply.Message.InterfaceId!.Value.ToArray().Should().Equal(9, 9);
        reply.Message.PeerAddress.Should().Be(IPAddress.Parse("fe80::210:95ff:fe00:1"));
        reply.Message.RelayedMessage!.Type.Should().Be(Dhcp6MessageType.Advertise);
    }

    [Fact]
    public void A_REQUEST_for_another_server_is_not_answered()
    {
        var request = Dhcp6Message.Create(Dhcp6MessageType.Request, 0x111, [.. EcmSolicit().Options, Dhcp6Options.ServerId(Secondary.Duid)]);
        new EcmDhcp6Responder(SampleDatabase()).Decide(request, From6(EcmMac)).IsSilent.Should().BeTrue();
    }
}
