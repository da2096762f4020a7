using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;
using EUeConformance.Tests.Support;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>decode(encode(m)) == m for generated messages; encode(decode(bytes)) == bytes for every captured-looking sample.</summary>
public class Dhcp6RoundTripTests
{
    public static TheoryData<string> SampleNames => [.. Dhcp6Samples.All().Select(s => s.Name)];

    static Dhcp6Message Sample(string name) => Dhcp6Samples.All().Single(s => s.Name == name).Message;

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_re_encodes_to_its_exact_octets(string sample)
    {
        byte[] wire = Sample(sample).Encode();
        var decoded = Dhcp6Message.Decode(wire);
        decoded.Encode().Should().Equal(wire);
        decoded.Should().Be(Sample(sample));
        decoded.EncodedLength.Should().Be(wire.Length);
    }

    /// <summary>
    /// A captured-looking SOLICIT from a vendor's eUE, written out by hand: with option 15 (user class) and a
    /// CableLabs sub-option 3 (embedded component list) and 61 (CCAP cores) that our tables do or do not know,
    /// an unknown dhcp6 option 0xFF00 and an unknown CCCV6 sub-option 10 in a reply. Kept byte for byte.
    /// </summary>
    [Theory]
    [InlineData("01 4A1B2C" +
        "0001000E 0001000113911B40001095000002" +           // client ID, DUID-LLT
        "0003000C 0A000002 00000000 00000000" +              // IA_NA
        "00080002 0000" +                                    // elapsed time
        "00270001 01" +                                      // FQDN S=1, empty
        "00060006 0027 0017 0011" +                          // ORO 39, 23, 17
        "000F0008 0006 6561652D3031" +                       // user class (not in the table): kept
        "0010000D 0000118B 0007 706B7463322E30" +            // vendor class 4491 "pktc2.0"
        "00110018 0000118B 0001 0004 0020 0021 0003 0004 45445641 003D 0000" + // CL ORO, embedded component list, code 61 empty
        "FF000003 ABCDEF")]                                  // unknown option 0xFF00
    [InlineData("07 4A1B2D" +
        "0002000D 00020000118B4555452D535256" +
        "00110025 0000118B 087B 001D 00010004 41424344 000A0004 DEADBEEF 00060009 05424153494301 3100")]
    public void Captured_looking_messages_with_unknown_options_re_encode_byte_for_byte(string hex)
    {
        byte[] wire = Convert.FromHexString(hex.Replace(" ", ""));
        var m = Dhcp6Message.Decode(wire);
        m.Encode().Should().Equal(wire);
        m.Options.Should().OnlyContain(o => o.Offset >= 4);
    }

    [Fact]
    public void The_captured_looking_CCCV6_with_an_unknown_sub_option_still_reads_its_realm()
    {
        byte[] wire = Convert.FromHexString("074A1B2D" + "00110025" + "0000118B" + "087B001D" + "0001000441424344" + "000A0004DEADBEEF" + "00060009054241534943013100");
        var cccv6 = Dhcp6Message.Decode(wire).CableLabs!.Cccv6!;
        cccv6.KerberosRealm.Should().Be("BASIC.1");
        cccv6.PrimaryDssId.ToString().Should().Be("ABCD");
        cccv6.SubOptions.Select(s => s.Code).Should().Equal(1, 10, 6);
    }

    [Fact]
    public void Generated_messages_decode_to_what_was_encoded() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000),
            Prop.ForAll(Dhcp6Generators.Message.ToArbitrary(), m =>
            {
                byte[] wire = m.Encode();
                var decoded = Dhcp6Message.Decode(wire);
                return decoded.Equals(m) && decoded.Encode().AsSpan().SequenceEqual(wire);
            }));

    [Fact]
    public void Generated_CCCV6_options_read_back_their_typed_values() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(Dhcp6Generators.Cccv6.ToArbitrary(), c =>
            {
                var back = ClOptionCccv6.FromOption(c.ToOption());
                return back.SubOptions.SequenceEqual(c.SubOptions)
                    && Equals(back.PrimaryDssId, c.PrimaryDssId) && back.KerberosRealm == c.KerberosRealm
                    && back.ProvSnmpEntity?.ToString() == c.ProvSnmpEntity?.ToString()
                    && back.AsReqAsRepBackoff == c.AsReqAsRepBackoff && back.TicketControl == c.TicketControl;
            }));

    [Fact]
    public void Generated_FQDN_options_read_back_as_the_same_value() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(Dhcp6Generators.ClientFqdn.ToArbitrary(), f => ClientFqdn.FromOption(f.ToOption()) == f));

    [Fact]
    public void Generated_wire_names_survive_their_text_form_escapes_included() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(Dhcp6Generators.WireName(true).ToArbitrary(), w => DnsLabels.Encode(DnsLabels.ToText(w)).AsSpan().SequenceEqual(w)));

    [Fact]
    public void Generated_DUIDs_read_back_as_equal() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Dhcp6Generators.Duid.ToArbitrary(), d =>
                Dhcp6Message.Decode(Dhcp6Message.Create(Dhcp6MessageType.Solicit, 1, Dhcp6Options.ClientId(d)).Encode()).ClientId!.Equals(d)));

    [Fact]
    public void Mutated_samples_that_still_decode_re_encode_to_their_exact_octets()
    {
        var seeds = Dhcp6Samples.All().Select(s => s.Message.Encode()).ToList();
        var random = new Random(3315);
        int decoded = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var input = Fuzzer.Mutate(seeds[random.Next(seeds.Count)], random);
            Dhcp6Message m;
            try { m = Dhcp6Message.Decode(input); }
            catch (ParseError) { continue; }
            decoded++;
            m.Encode().Should().Equal(input);
        }
        decoded.Should().BeGreaterThan(1000, "enough mutations stay well-formed to make the check meaningful");
    }
}
