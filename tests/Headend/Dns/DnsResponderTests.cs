using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Dns;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.Dns;

/// <summary>The DNS server, EUE-PROV 6.2.3 (all record types the flows use) and eUE-5 to eUE-8, eUE-20/21.</summary>
public sealed class DnsResponderTests
{
    static readonly IPEndPoint Client = new(IPAddress.Parse("2001:db8:1::20"), 5353);

    static DnsMessage Ask(DnsResponder dns, string name, DnsType type) =>
        dns.Decide(DnsMessage.Query(7, DnsName.Parse(name), type), Client).Replies.Single().Message;

    static DnsResponder Server() => new(new DnsZoneStore(SampleDatabase().Zones));

    [Fact]
    public void eUE_6_the_SRV_answer_names_the_KDC_of_the_realm_with_its_addresses_as_additional_records()
    {
        var answer = Ask(Server(), "_kerberos._udp.EXAMPLE.NET", DnsType.Srv);
        answer.Rcode.Should().Be(DnsRcode.NoError);
        answer.Authoritative.Should().BeTrue();
        answer.Answers.Single().SrvData!.Target.Should().Be(DnsName.Parse("kdc.example.net"));
        answer.Answers.Single().SrvData!.Port.Should().Be(88);
        answer.Additionals.Select(r => r.Address).Should().Contain([KdcV6, IPAddress.Parse("192.0.2.88")]);
    }

    [Fact]
    public void eUE_8_the_AAAA_answer_gives_the_KDC_IPv6_address()
    {
        Ask(Server(), "kdc.example.net", DnsType.Aaaa).Answers.Single().Address.Should().Be(KdcV6);
    }

    [Fact]
    public void A_NAPTR_answer_adds_the_SRV_it_points_to()
    {
        var answer = Ask(Server(), "example.net", DnsType.Naptr);
        answer.Answers.Single().NaptrData!.Services.Should().Be("SIP+D2U");
        answer.Additionals.Should().Contain(r => r.Type == DnsType.Srv);
    }

    [Fact]
    public void Names_compare_without_case_RFC_4343()
    {
        Ask(Server(), "KDC.Example.NET", DnsType.Aaaa).Answers.Should().ContainSingle();
    }

    [Fact]
    public void A_missing_name_is_NXDOMAIN_and_a_missing_type_is_an_empty_NOERROR_both_with_the_SOA()
    {
        var nx = Ask(Server(), "nothing.example.net", DnsType.A);
        nx.Rcode.Should().Be(DnsRcode.NameError);
        nx.Authorities.Single().Type.Should().Be(DnsType.Soa);
        var nodata = Ask(Server(), "prov.example.net", DnsType.A);
        nodata.Rcode.Should().Be(DnsRcode.NoError);
        nodata.Answers.Should().BeEmpty();
    }

    [Fact]
    public void A_name_outside_every_zone_is_refused()
    {
        Ask(Server(), "www.example.com", DnsType.A).Rcode.Should().Be(DnsRcode.Refused);
    }

    [Fact]
    public void DHCP_registrations_are_answered_6_2_2()
    {
        var zones = new DnsZoneStore(SampleDatabase().Zones);
        zones.Register(EueFqdn, EueV6);
        zones.Register(EueFqdn, EueV4);
        var dns = new DnsResponder(zones);
        Ask(dns, EueFqdn, DnsType.Aaaa).Answers.Single().Address.Should().Be(EueV6);
        Ask(dns, EueFqdn, DnsType.A).Answers.Single().Address.Should().Be(EueV4);
    }

    [Fact]
    public void An_RFC_2136_update_adds_a_record()
    {
        var dns = Server();
        var update = DnsMessage.Update(9, DnsName.Parse("example.net"), [], [DnsRecord.Aaaa(DnsName.Parse("new.example.net"), 60, IPAddress.Parse("2001:db8:1::99"))]);
        dns.Decide(update, Client).Replies.Single().Message.Rcode.Should().Be(DnsRcode.NoError);
        Ask(dns, "new.example.net", DnsType.Aaaa).Answers.Should().ContainSingle();
    }

    [Fact]
    public void An_override_can_make_the_server_fail_or_stay_silent()
    {
        var dns = Server();
        dns.Overrides.Add(Override.AlterField("RESPONSE", "rcode", "2"));
        Ask(dns, "kdc.example.net", DnsType.Aaaa).Rcode.Should().Be(DnsRcode.ServerFailure);
        dns.Overrides.Clear();
        dns.Overrides.Add(Override.Silence());
        dns.Decide(DnsMessage.Query(1, DnsName.Parse("kdc.example.net"), DnsType.Aaaa), Client).IsSilent.Should().BeTrue();
    }
}
