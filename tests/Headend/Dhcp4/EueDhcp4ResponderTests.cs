using System.Net;
using EUeConformance.Headend.Servers.Dhcp4;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Tests.Headend.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Dhcp4;

/// <summary>The eUE's DHCPv4 servers, EUE-PROV 6.2.2, 6.3.2.2, 6.3.3 (PKT-PROV1.5 MTA-1 to MTA-4).</summary>
public sealed class EueDhcp4ResponderTests
{
    [Fact]
    public void Every_eUE_DHCP_server_offers_with_its_own_server_identifier_so_the_eUE_can_filter_6_3_2_2()
    {
        var offers = new EueDhcp4Responder(SampleDatabase()).Decide(EueDiscover(), From()).Replies;
        offers.Select(o => o.Message.ServerIdentifier).Should().Equal(HeadendV4, SecondServerV4);
        offers.Select(o => o.Source).Should().Equal(HeadendV4, SecondServerV4);
        offers.Should().OnlyContain(o => o.Message.YiAddr.Equals(EueV4));
    }

    [Fact]
    public void Only_the_server_the_eUE_chose_acknowledges()
    {
        var server = new EueDhcp4Responder(SampleDatabase());
        server.Decide(EueDiscover(), From());
        var acks = server.Decide(Request(EueMac, SecondServerV4, EueV4, 0x2001), From()).Replies;
        acks.Should().ContainSingle().Which.Message.ServerIdentifier.Should().Be(SecondServerV4);
        acks[0].Identity.Should().Be("secondary");
    }

    [Fact]
    public void Option_122_gives_the_eUE_its_provisioning_server_and_the_realm_that_selects_the_flow()
    {
        var ccc = new EueDhcp4Responder(SampleDatabase()).Decide(EueDiscover(), From()).Replies[0].Message.ClientConfiguration!;
        ccc.ProvisioningServer!.Fqdn.Should().Be("prov.example.net");
        ccc.KerberosRealm.Should().Be(Realm);
        ccc.Flow.Should().Be(ProvisioningFlow.Secure);
        ccc.ProvisioningTimer.Should().Be(10);
    }

    [Fact]
    public void A_disabled_eUE_is_told_0_0_0_0_as_its_provisioning_server()
    {
        var ccc = new EueDhcp4Responder(SampleDatabase(eue: e => e with { Disable = true })).Decide(EueDiscover(), From()).Replies[0].Message.ClientConfiguration!;
        ccc.ProvisioningServer!.Address.Should().Be(IPAddress.Any);
    }

    [Fact]
    public void A_Basic_flow_offer_names_the_TFTP_server_and_the_file_in_siaddr_and_file()
    {
        var db = SampleDatabase(eue: e => e with { Flow = ProvisioningFlow.Basic, Realm = null });
        var offer = new EueDhcp4Responder(db).Decide(EueDiscover(), From()).Replies[0].Message;
        offer.SiAddr.Should().Be(HeadendV4);
        offer.BootFileName.Should().Be(ConfigFileName);
        offer.ClientConfiguration!.KerberosRealm.Should().Be("BASIC.1");
    }

    [Fact]
    public void Secure_flow_offers_carry_no_boot_file()
    {
        var offer = new EueDhcp4Responder(SampleDatabase()).Decide(EueDiscover(), From()).Replies[0].Message;
        offer.BootFileName.Should().BeEmpty();
        offer.SiAddr.Should().Be(IPAddress.Any);
    }

    [Fact]
    public void A_client_FQDN_option_81_is_answered_with_the_eUE_FQDN_and_the_A_record_added_on_ACK_6_2_2()
    {
        var zones = new DnsZoneStore(SampleDatabase().Zones);
        var server = new EueDhcp4Responder(SampleDatabase(), zones);
        var fqdn = new ClientFqdnOption(ClientFqdnFlags.S | ClientFqdnFlags.E, "", false).ToOption();
        var offer = server.Decide(EueDiscover(extra: [fqdn]), From()).Replies[0].Message;
        var answered = ClientFqdnOption.From(offer)!;
        answered.DomainName.Should().Be(EueFqdn);
        answered.S.Should().BeTrue();
        answered.E.Should().BeTrue();
        zones.DynamicRecords.Should().BeEmpty("an OFFER binds nothing");

        server.Decide(Request(EueMac, HeadendV4, EueV4, 0x2001, [fqdn]), From());
        zones.RecordsAt(global::EUeConformance.Protocols.Dns.DnsName.Parse(EueFqdn)).Should().ContainSingle(r => r.Address!.Equals(EueV4));
    }

    [Fact]
    public void Without_option_81_the_FQDN_goes_out_as_host_and_domain_name()
    {
        var offer = new EueDhcp4Responder(SampleDatabase()).Decide(EueDiscover(), From()).Replies[0].Message;
        offer.HostName.Should().Be("eue1");
        offer.DomainName.Should().Be("example.net");
    }

    [Fact]
    public void A_declined_address_is_not_offered_again_and_the_next_one_is()
    {
        var server = new EueDhcp4Responder(SampleDatabase());
        server.Decide(EueDiscover(), From());
        var decline = DhcpMessage.Create(DhcpMessageType.Decline, 0x2002, EueMac.GetAddressBytes(),
            [DhcpOption.ServerIdentifier(HeadendV4), DhcpOption.FromAddress(DhcpOptionCode.RequestedIpAddress, EueV4)]);
        server.Decide(decline, From()).IsSilent.Should().BeTrue();
        server.Decide(EueDiscover(0x2003), From()).Replies.Should().OnlyContain(o => o.Message.YiAddr.Equals(EueV4Spare));
    }

    [Fact]
    public void The_database_can_limit_which_servers_answer_an_eUE()
    {
        var offers = new EueDhcp4Responder(SampleDatabase(eue: e => e with { AnsweredBy = ["secondary"] })).Decide(EueDiscover(), From()).Replies;
        offers.Should().ContainSingle().Which.Message.ServerIdentifier.Should().Be(SecondServerV4);
    }
}
