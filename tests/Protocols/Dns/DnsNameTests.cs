using EUeConformance.Protocols.Dns;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Protocols.Dns.DnsWire;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>Names: presentation format, wire form, limits (RFC 1035 §2.3.4, §3.1, §5.1) and DNS comparison (RFC 4343).</summary>
public class DnsNameTests
{
    [Theory]
    [InlineData("kdc.basic.1", "kdc.basic.1.")]
    [InlineData("kdc.basic.1.", "kdc.basic.1.")]
    [InlineData(".", ".")]
    [InlineData("", ".")]
    [InlineData(@"a\.b.example", @"a\.b.example.")]
    [InlineData(@"tab\009here.example", @"tab\009here.example.")]
    public void Presentation_format_parses_and_prints(string text, string printed) =>
        DnsName.Parse(text).ToString().Should().Be(printed);

    [Fact]
    public void The_wire_form_is_length_prefixed_labels_and_the_root()
    {
        // protocol-facts.md, CCC sub-option 6: the realm BASIC.1 is 05 'B''A''S''I''C' 01 '1' 00.
        DnsName.Parse("BASIC.1").Wire.ToArray().Should().Equal(Hex("05 4241534943 01 31 00"));
        DnsName.Root.Wire.ToArray().Should().Equal(Hex("00"));
        DnsName.FromWire(Hex("05 4241534943 01 31 00")).Should().Be(DnsName.Parse("BASIC.1"));
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(@"a\")]
    [InlineData(@"a\25")]
    [InlineData(@"a\256")]
    [InlineData("ä.example")]
    public void Malformed_text_is_refused(string text) =>
        new Action(() => DnsName.Parse(text)).Should().Throw<FormatException>();

    [Fact]
    public void Limits_of_63_octet_labels_and_255_octet_names_hold()
    {
        string l63 = new('a', 63);
        DnsName.Parse(l63).Length.Should().Be(65);
        new Action(() => DnsName.Parse(new string('a', 64))).Should().Throw<FormatException>().WithMessage("*at most 63*");
        // 4 labels of 62 octets: 4 × 63 + 1 = 253 octets; one more 1-octet label makes 255; another makes 257.
        string l62 = new('b', 62);
        DnsName.Parse($"{l62}.{l62}.{l62}.{l62}.c").Length.Should().Be(255);
        new Action(() => DnsName.Parse($"{l62}.{l62}.{l62}.{l62}.c.d")).Should().Throw<FormatException>().WithMessage("*at most 255*");
        new Action(() => DnsName.FromWire([64, .. new byte[64], 0])).Should().Throw<FormatException>();
        new Action(() => DnsName.FromWire(Hex("01 61 00 00"))).Should().Throw<FormatException>();
    }

    [Fact]
    public void Equality_is_exact_and_DNS_comparison_ignores_ASCII_case()
    {
        var upper = DnsName.Parse("KDC.BASIC.1");
        var lower = DnsName.Parse("kdc.basic.1");
        upper.Should().NotBe(lower);
        upper.EqualsIgnoreCase(lower).Should().BeTrue();
        lower.IsSubdomainOf(DnsName.Parse("BASIC.1")).Should().BeTrue();
        lower.IsSubdomainOf(DnsName.Parse("asic.1")).Should().BeFalse("a suffix must start on a label boundary");
        lower.IsSubdomainOf(DnsName.Root).Should().BeTrue();
    }

    [Fact]
    public void Labels_parent_and_child()
    {
        var name = DnsName.Parse("_kerberos._udp.BASIC.1");
        name.LabelCount.Should().Be(4);
        name.Labels.Select(l => System.Text.Encoding.ASCII.GetString(l)).Should().Equal("_kerberos", "_udp", "BASIC", "1");
        name.Parent.Parent.Should().Be(DnsName.Parse("BASIC.1"));
        DnsName.Parse("BASIC.1").Child("_udp").Child("_kerberos").Should().Be(name);
        DnsName.FromLabels("_kerberos", "_udp", "BASIC", "1").Should().Be(name);
        name.ToDisplayString().Should().Be("_kerberos._udp.BASIC.1");
        DnsName.Root.ToDisplayString().Should().Be("<Root>");
    }
}
