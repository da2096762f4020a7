using System.Net;
using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>RFC 2136 UPDATE (opcode 5): zone, prerequisite and update sections share the RR layout (EUE-PROV 6.2.2: DHCP updates the headend DNS).</summary>
public class DnsUpdateTests
{
    [Fact]
    public void The_DHCP_servers_update_decodes_into_zone_prerequisite_and_update_sections()
    {
        var m = DnsMessage.Decode(DnsSamples.Update);
        m.Opcode.Should().Be(DnsOpcode.Update);
        m.Zones.Single().Should().Be(new DnsQuestion(DnsName.Parse("example.net"), DnsType.Soa));
        var fqdn = DnsName.Parse("eue-001095000002.example.net");
        m.Prerequisites.Single().Should().Be(DnsRecord.NameIsNotInUse(fqdn), "RFC 2136 §2.4.5: TYPE ANY, CLASS NONE, no RDATA");
        m.Updates.Should().HaveCount(2);
        m.Updates[0].Should().Be(DnsRecord.Aaaa(fqdn, 3600, IPAddress.Parse("2001:db8::1:2")));
        m.Updates[1].Type.Should().Be((DnsType)49, "DHCID (RFC 4701) is not in the type table");
        m.Updates[1].Data.Length.Should().Be(35, "and its RDATA is kept byte for byte");
        m.Updates[1].ToString().Should().StartWith("eue-001095000002.example.net. 3600 IN TYPE49 \\# 35 000201");
    }

    [Fact]
    public void An_update_built_from_values_round_trips_and_uses_the_update_counts()
    {
        var zone = DnsName.Parse("example.net");
        var fqdn = DnsName.Parse("eue-2.example.net");
        var update = DnsMessage.Update(0x5d02, zone,
            prerequisites: [DnsRecord.RrsetExists(fqdn, DnsType.Aaaa)],
            updates:
            [
                DnsRecord.DeleteRrset(fqdn, DnsType.Aaaa),
                DnsRecord.DeleteRr(DnsRecord.Aaaa(fqdn, 3600, IPAddress.Parse("2001:db8::2:1"))),
                DnsRecord.Aaaa(fqdn, 3600, IPAddress.Parse("2001:db8::2:2")),
                DnsRecord.DeleteAllRrsets(DnsName.Parse("old.example.net")),
            ]);
        byte[] wire = update.Encode();
        wire.AsSpan(2, 2).ToArray().Should().Equal(0x28, 0x00);
        wire.AsSpan(4, 8).ToArray().Should().Equal(0, 1, 0, 1, 0, 4, 0, 0);
        var again = DnsMessage.Decode(wire);
        again.Should().Be(update);
        again.Updates[1].Class.Should().Be(DnsClass.None);
        again.Updates[1].Address.Should().Be(IPAddress.Parse("2001:db8::2:1"), "RFC 2136 §2.5.4 keeps the RDATA of the RR to delete");
        again.Updates[0].Address.Should().BeNull("RFC 2136 §2.5.2 deletes an RRset with no RDATA");
        again.ToString().Should().Contain("ZONE: example.net. IN SOA").And.Contain("PREREQUISITE: eue-2.example.net. 0 ANY AAAA");
    }

    [Fact]
    public void The_servers_answer_is_the_header_with_a_response_code()
    {
        var request = DnsMessage.Decode(DnsSamples.Update);
        var answer = DnsMessage.ResponseTo(request, rcode: DnsRcode.YxDomain, authoritative: false);
        var again = DnsMessage.Decode(answer.Encode());
        again.IsResponse.Should().BeTrue();
        again.Opcode.Should().Be(DnsOpcode.Update);
        again.Rcode.Should().Be(DnsRcode.YxDomain);
        again.Zones.Should().Equal(request.Zones);
    }
}
