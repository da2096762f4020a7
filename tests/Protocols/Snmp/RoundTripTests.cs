using EUeConformance.Protocols.Snmp;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>Every message the codec can write, it reads back to the same PDU, and writes again to the same bytes.</summary>
public class RoundTripTests
{
    static SnmpPdu? PduOf(SnmpMessage m) => m switch
    {
        CommunityMessage c => c.Pdu,
        SnmpV3Message v3 => v3.ScopedPdu?.Pdu,
        _ => null,
    };

    [Fact]
    public void Encode_decode_encode_is_exact_for_every_version_PDU_and_value_type()
    {
        Prop.ForAll(SnmpGenerators.Message.ToArbitrary(), message =>
        {
            byte[] bytes = message.Encode();
            var decoded = SnmpMessage.Decode(bytes);
            return decoded.Encode().AsSpan().SequenceEqual(bytes)
                && decoded.Version == message.Version
                && Equals(PduOf(decoded), PduOf(message));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encoded_lengths_computed_without_encoding_match_the_encoding()
    {
        Prop.ForAll(SnmpGenerators.Message.ToArbitrary(), message =>
            PduOf(message)?.VarBinds.All(vb => vb.EncodedLength == vb.Encode().Length) ?? true).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_net_snmp_vector_round_trips()
    {
        foreach (var vector in NetSnmpVectors.All)
            SnmpMessage.Decode(vector).Encode().Should().Equal(vector);
    }
}
