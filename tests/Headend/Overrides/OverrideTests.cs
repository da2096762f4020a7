using System.Net;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Dhcp4;
using EUeConformance.Headend.Servers.Dhcp6;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Overrides;

/// <summary>Per-scenario deviations, one behaviour per test, on the servers whose requirements they probe.</summary>
public sealed class OverrideTests
{
    static EueDhcp6Responder Eue6(params Override[] overrides)
    {
        var server = new EueDhcp6Responder(SampleDatabase());
        server.Overrides.Add(overrides);
        return server;
    }

    [Fact]
    public void Silence_makes_a_server_not_answer_at_all()
    {
        var decision = Eue6(Override.Silence()).Decide(EueSolicit(), From6());
        decision.IsSilent.Should().BeTrue();
        decision.Notes.Should().Contain(n => n.Contains("ignored by override"));
    }

    [Fact]
    public void Dropping_the_second_ADVERTISE_leaves_the_first_server_answering_alone()
    {
        var replies = Eue6(Override.DropNth("ADVERTISE", 2)).Decide(EueSolicit(), From6()).Replies;
        replies.Should().ContainSingle().Which.Identity.Should().Be("primary");
    }

    [Fact]
    public void Ignoring_the_first_SOLICIT_answers_the_retransmission()
    {
        var server = Eue6(Override.DropNth("SOLICIT", 1, Direction.Received));
        server.Decide(EueSolicit(), From6()).IsSilent.Should().BeTrue();
        server.Decide(EueSolicit(), From6()).Replies.Should().HaveCount(2);
    }

    [Fact]
    public void A_delay_is_carried_on_each_reply_in_fabric_time()
    {
        var replies = Eue6(Override.DelayReplies("ADVERTISE", TimeSpan.FromSeconds(3))).Decide(EueSolicit(), From6()).Replies;
        replies.Should().OnlyContain(r => r.Delay == TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void Duplicating_sends_each_selected_reply_again()
    {
        var replies = Eue6(new Duplicate(MessageSelector.Sent("ADVERTISE").FromIdentity("secondary"), 2)).Decide(EueSolicit(), From6()).Replies;
        replies.Count(r => r.Identity == "secondary").Should().Be(3);
        replies.Count(r => r.Identity == "primary").Should().Be(1);
    }

    [Fact]
    public void A_link_local_source_is_used_when_asked_6_2_1_2()
    {
        var replies = Eue6(Override.LinkLocalSource("ADVERTISE")).Decide(EueSolicit(), From6()).Replies;
        replies.Should().OnlyContain(r => r.Source!.IsIPv6LinkLocal);
        Eue6().Decide(EueSolicit(), From6()).Replies.Should().OnlyContain(r => r.Source!.Equals(HeadendV6));
    }

    [Fact]
    public void An_ADVERTISE_can_offer_a_link_local_address_6_2_1_2()
    {
        var advertise = Eue6(Override.AlterField("ADVERTISE", "ia_na.address", "fe80::1")).Decide(EueSolicit(), From6()).Replies[0].Message;
        advertise.IaNa!.Addresses.Single().Address.Should().Be(IPAddress.Parse("fe80::1"));
    }

    [Fact]
    public void A_second_server_can_answer_in_place_of_the_first_with_its_distinct_DUID_and_DSS_ID()
    {
        var db = SampleDatabase(eue: e => e with { AnsweredBy = ["primary", "secondary"] });
        db.AddEueServer(new DhcpServerIdentity("rogue", IPAddress.Parse("192.0.2.66"), Duid.En(9, [6, 6]), DssId.FromAscii("ROGUE")));
        var server = new EueDhcp6Responder(db);
        server.Overrides.Add(new AnswerAs(MessageSelector.Sent("ADVERTISE").FromIdentity("primary"), "rogue"));
        var advertise = server.Decide(EueSolicit(), From6()).Replies.Single(r => r.Identity == "rogue").Message;
        advertise.ServerId.Should().Be(Duid.En(9, [6, 6]));
        advertise.CableLabs!.Cccv6!.PrimaryDssId.Should().Be(DssId.FromAscii("ROGUE"));
    }

    [Fact]
    public void A_DHCPv4_OFFER_from_a_second_server_has_its_server_identifier_and_source()
    {
        var db = SampleDatabase(eue: e => e with { AnsweredBy = ["primary", "secondary"] });
        db.AddEueServer(new DhcpServerIdentity("rogue", IPAddress.Parse("192.0.2.66"), Duid.En(9, [6, 6]), DssId.FromAscii("ROGUE")));
        var server = new EueDhcp4Responder(db);
        server.Overrides.Add(new AnswerAs(MessageSelector.Sent("OFFER").FromIdentity("secondary"), "rogue"));
        var offer = server.Decide(EueDiscover(), From()).Replies.Single(r => r.Identity == "rogue");
        offer.Message.ServerIdentifier.Should().Be(IPAddress.Parse("192.0.2.66"));
        offer.Source.Should().Be(IPAddress.Parse("192.0.2.66"));
    }

    [Fact]
    public void eUE_4_a_REPLY_can_differ_from_its_ADVERTISE()
    {
        var server = Eue6(Override.ReplyDiffersFromAdvertise("17.2171.6", DnsLabels.Encode("HYBRID.2")));
        var advertise = server.Decide(EueSolicit(0x5), From6()).Replies[0].Message;
        var reply = server.Decide(global::EUeConformance.Protocols.Dhcp6.EueSolicit.BuildRequest(EueParameters(0x5), Primary.Duid), From6()).Replies.Single().Message;
        advertise.CableLabs!.Cccv6!.KerberosRealm.Should().Be(Realm);
        reply.CableLabs!.Cccv6!.KerberosRealm.Should().Be("HYBRID.2");
    }

    [Fact]
    public void A_sub_option_can_be_left_out_eUE_3_validity()
    {
        var cccv6 = Eue6(Override.OmitOption("ADVERTISE", "17.2171.3")).Decide(EueSolicit(), From6()).Replies[0].Message.CableLabs!.Cccv6!;
        cccv6.ProvSnmpEntity.Should().BeNull();
        cccv6.KerberosRealm.Should().Be(Realm);
    }

    [Fact]
    public void Sub_option_2_can_be_sent_to_the_eUE_on_purpose_6_4_1_4()
    {
        var cccv6 = Eue6(Override.AlterOption("ADVERTISE", "17.2171.2", "OTHER"u8.ToArray())).Decide(EueSolicit(), From6()).Replies[0].Message.CableLabs!.Cccv6!;
        cccv6.SecondaryDssId.Should().Be(DssId.FromAscii("OTHER"));
    }

    [Fact]
    public void DHCPv4_option_bytes_and_header_fields_can_be_altered()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        server.Overrides.Add(Override.AlterOption("OFFER", "122.1", [255, 255, 255, 255]), Override.AlterField("OFFER", "siaddr", "192.0.2.200"),
            Override.OmitOption("OFFER", "125.123.2"));
        var offer = server.Decide(EcmDiscover(), From()).Replies.Single().Message;
        offer.ClientConfiguration!.AcceptsAnyServer.Should().BeTrue();
        offer.SiAddr.Should().Be(IPAddress.Parse("192.0.2.200"));
        offer.CableLabsV4!.Cccv6!.Secondary.Should().BeNull();
        offer.CableLabsV4!.Cccv6!.Primary.Should().Be(PrimaryDssId);
    }

    [Fact]
    public void An_unrequested_option_can_be_added_Table_2_CM3_ignore_test()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        server.Overrides.Add(Override.AlterOption("OFFER", "125.123.1", "EXTRA"u8.ToArray()));
        var offer = server.Decide(EcmDiscover(askCccv6: false, askIpPref: false), From()).Replies.Single().Message;
        offer.CableLabsV4!.Cccv6!.Primary.Should().Be(DssId.FromAscii("EXTRA"));
    }

    [Fact]
    public void Overrides_selected_for_one_client_leave_the_others_alone()
    {
        var server = new EcmDhcp4Responder(SampleDatabase());
        server.Overrides.Add(new Drop(MessageSelector.Received("DISCOVER").ForClient(EueMac)));
        server.Decide(EcmDiscover(), From()).Replies.Should().ContainSingle();
    }

    [Fact]
    public void Clearing_restarts_the_counting()
    {
        var server = Eue6(Override.DropNth("ADVERTISE", 1));
        server.Decide(EueSolicit(), From6()).Replies.Should().HaveCount(1);
        server.Overrides.Clear();
        server.Overrides.Add(Override.DropNth("ADVERTISE", 1));
        server.Decide(EueSolicit(), From6()).Replies.Should().HaveCount(1, "the first ADVERTISE since clearing is dropped again");
    }

    [Fact]
    public void An_override_naming_an_unknown_server_is_a_harness_error_not_a_silent_pass()
    {
        var server = Eue6(Override.AnswerFrom("nobody", "ADVERTISE"));
        var act = () => server.Decide(EueSolicit(), From6());
        act.Should().Throw<InvalidOperationException>().WithMessage("*nobody*");
    }
}
