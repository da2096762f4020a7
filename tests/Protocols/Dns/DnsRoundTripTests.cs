using EUeConformance.Protocols.Dns;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dns;

/// <summary>decode(encode(m)) == m for generated messages; encode(decode(bytes)) == bytes for every captured-looking sample.</summary>
public class DnsRoundTripTests
{
    public static TheoryData<string> SampleNames => [.. DnsSamples.All.Select(s => s.Name)];

    static byte[] Sample(string name) => DnsSamples.All.Single(s => s.Name == name).Bytes;

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_re_encodes_to_its_exact_octets(string sample)
    {
        byte[] wire = Sample(sample);
        DnsMessage.Decode(wire).Encode().Should().Equal(wire);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Every_sample_survives_encoding_without_compression_and_with_fresh_compression(string sample)
    {
        var m = DnsMessage.Decode(Sample(sample));
        var plain = m.Encode(new DnsEncodeOptions { Compress = false });
        DnsMessage.Decode(plain).Should().Be(m);
        plain.Length.Should().BeGreaterThanOrEqualTo(Sample(sample).Length);
        DnsMessage.Decode(m.Encode(new DnsEncodeOptions { KeepDecodedLayout = false })).Should().Be(m);
    }

    [Fact]
    public void A_compressed_SRV_target_from_a_lax_server_is_reproduced_but_never_produced()
    {
        byte[] wire = DnsSamples.SrvResponseCompressedTarget;
        var m = DnsMessage.Decode(wire);
        m.Answers.Single().SrvData.Should().Be(new SrvData(10, 60, 88, DnsName.Parse("kdc.basic.1")));
        m.Encode().Should().Equal(wire, "the decoded layout (target = \"kdc\" + pointer) is kept");
        m.Encode(new DnsEncodeOptions { KeepDecodedLayout = false }).Length.Should().Be(wire.Length + 7,
            "compressing afresh writes the SRV target out in full (RFC 2782): 13 octets instead of \"kdc\" and a pointer (6)");
    }

    [Fact]
    public void Changing_a_decoded_message_keeps_the_layouts_that_still_hold_and_recompresses_the_rest()
    {
        var m = DnsMessage.Decode(DnsSamples.CnameChainResponse);
        var changed = m with { Questions = [new DnsQuestion(DnsName.Parse("ps.example.net"), DnsType.A)] };
        var again = DnsMessage.Decode(changed.Encode());
        again.Should().Be(changed);
        again.Answers.Select(a => a.ToString()).Should().Equal(m.Answers.Select(a => a.ToString()));
    }

    [Fact]
    public void Generated_messages_decode_to_what_was_encoded() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(DnsGenerators.Messages, m => DnsMessage.Decode(m.Encode()).Equals(m)));

    [Fact]
    public void Generated_messages_decode_to_what_was_encoded_without_compression() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(DnsGenerators.Messages, m => DnsMessage.Decode(m.Encode(new DnsEncodeOptions { Compress = false })).Equals(m)));

    [Fact]
    public void Generated_messages_re_encode_to_the_same_octets_after_decoding() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(DnsGenerators.Messages, m =>
        {
            byte[] wire = m.Encode();
            return DnsMessage.Decode(wire).Encode().AsSpan().SequenceEqual(wire);
        }));

    [Fact]
    public void Compression_never_makes_a_message_longer() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(DnsGenerators.Messages, m => m.Encode().Length <= m.Encode(new DnsEncodeOptions { Compress = false }).Length));
}
