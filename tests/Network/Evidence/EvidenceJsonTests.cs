using System.Net;
using EUeConformance.Network.Evidence;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Network.Evidence;

/// <summary>events.jsonl lines: one object per event, its properties in a fixed order, so equal events give equal bytes.</summary>
public class EvidenceJsonTests
{
    static EvidenceEvent Event(IReadOnlyDictionary<string, string> fields, string? error = null) => new(
        7, new DateTimeOffset(2010, 5, 27, 0, 5, 0, TimeSpan.Zero).AddTicks(1234567), "eue-dhcpv6", Direction.Received,
        EvidenceSamples.Server, EvidenceSamples.Device, "dhcpv6", "SOLICIT", fields, Message: new object(), error, new byte[] { 0x01, 0xAB, 0xFF });

    [Fact]
    public void A_line_has_every_property_in_the_fixed_order_with_the_raw_bytes_in_hex()
    {
        EvidenceJson.Line(Event(new Dictionary<string, string> { ["dhcpv6.msgtype"] = "1" })).Should().Be(
            """{"seq":7,"time":"2010-05-27T00:05:00.1234567Z","service":"eue-dhcpv6","direction":"received","local":"[2001:db8:1::1]:547","peer":"[fe80::210:95ff:fe00:2%2]:546","protocol":"dhcpv6","kind":"SOLICIT","fields":{"dhcpv6.msgtype":"1"},"error":null,"raw":"01abff"}""");
    }

    [Fact]
    public void Fields_are_written_sorted_by_name_whatever_order_they_were_given_in()
    {
        var line = EvidenceJson.Line(Event(new Dictionary<string, string> { ["z.last"] = "2", ["a.first"] = "1" }));

        line.Should().Contain("""
            "fields":{"a.first":"1","z.last":"2"}
            """);
    }

    [Fact]
    public void A_message_that_did_not_decode_keeps_its_error_text()
    {
        var line = EvidenceJson.Line(Event(new Dictionary<string, string>(), error: "option 3 runs past the end <at octet 12>"));

        line.Should().Contain("""
            "error":"option 3 runs past the end <at octet 12>"
            """);
    }
}
