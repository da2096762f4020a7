using EUeConformance.Protocols.Dhcp4;
using FsCheck;
using FsCheck.Fluent;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Dhcp4;

/// <summary>decode(encode(m)) == m for built and generated messages; encode(decode(bytes)) == bytes for wire samples.</summary>
public class RoundTripTests
{
    public static TheoryData<string> CapturedNames => [.. Samples.Captured().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(CapturedNames))]
    public void A_captured_looking_sample_re_encodes_to_its_exact_bytes(string name)
    {
        var bytes = Samples.Captured().Single(s => s.Name == name).Bytes;
        DhcpMessage.Decode(bytes).Encode().Should().Equal(bytes);
    }

    [Fact]
    public void The_flow_messages_survive_encode_then_decode()
    {
        foreach (var m in new[] { Samples.EcmDiscover(), Samples.EcmReply(DhcpMessageType.Offer), Samples.EcmReply(DhcpMessageType.Ack),
                     Samples.EueDiscover(), Samples.RelayedEueDiscover() })
        {
            var back = DhcpMessage.Decode(m.Encode());
            back.Should().Be(m);
            back.Encode().Should().Equal(m.Encode());
        }
    }

    [Fact]
    public void Generated_messages_survive_encode_then_decode() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var (message, settings) = Generated.Message(new Random(seed));
            byte[] bytes;
            try { bytes = message.Encode(settings); }
            catch (InvalidOperationException) { return true; } // the generated options did not fit the overloaded fields
            var back = DhcpMessage.Decode(bytes);
            return back.Equals(message) && back.Encode().AsSpan().SequenceEqual(bytes);
        }));

    [Fact]
    public void Generated_wire_layouts_re_encode_to_their_exact_bytes() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var bytes = Generated.Wire(new Random(seed));
            return DhcpMessage.Decode(bytes).Encode().AsSpan().SequenceEqual(bytes);
        }));
}
