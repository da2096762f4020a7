using System.Formats.Asn1;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>UsmSecurityParameters (RFC 3414 §2.4): decoding what net-snmp sends, round trips, the auth-params offset, malformed input.</summary>
public class SecurityParametersTests
{
    static Gen<byte> Byte => Gen.Choose(0, 255).Select(b => (byte)b);
    static Gen<byte[]> Bytes(int min, int max) => Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Byte, n));
    static Gen<int> NonNegative => Gen.Frequency((3, Gen.Choose(0, int.MaxValue)), (1, Gen.Elements(0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, 8388607, 8388608, int.MaxValue)));

    internal static Gen<UsmSecurityParameters> Parameters =>
        from id in Gen.OneOf(Gen.Constant(Array.Empty<byte>()), Bytes(5, 32))
        from boots in NonNegative
        from time in NonNegative
        from user in Bytes(0, 32)
        from auth in Gen.OneOf(Gen.Constant(Array.Empty<byte>()), Gen.Constant(new byte[12]), Bytes(0, 140))
        from priv in Gen.OneOf(Gen.Constant(Array.Empty<byte>()), Bytes(8, 8), Bytes(0, 140))
        select new UsmSecurityParameters(id, boots, time, user, auth, priv);

    [Fact]
    public void Decodes_what_net_snmp_sent_and_re_encodes_it_byte_for_byte()
    {
        byte[] bytes = UsmTestData.NetSnmpSecurityParameters;
        var p = UsmSecurityParameters.Decode(bytes, 0, out int authOffset);

        p.AuthoritativeEngineId.Should().Equal(Convert.FromHexString("8000000001020304"));
        p.AuthoritativeEngineBoots.Should().Be(0);
        p.AuthoritativeEngineTime.Should().Be(0);
        p.UserNameText.Should().Be("user");
        p.AuthenticationParameters.Should().Equal(Convert.FromHexString("798EA3CA67F72B4AF871CBEA"));
        p.PrivacyParameters.Should().Equal(Convert.FromHexString("7AFD0E0EB20A329F"));
        authOffset.Should().Be(26, "30 2E | 04 08 <8> | 02 01 00 | 02 01 00 | 04 04 user | 04 0C: content at 26");

        p.Encode(out int encodedAuthOffset).Should().Equal(bytes);
        encodedAuthOffset.Should().Be(26);
        p.ToString().Should().Contain("msgUserName=\"user\"").And.Contain("msgAuthoritativeEngineID=8000000001020304");
    }

    [Fact]
    public void Decodes_a_discovery_probe()
    {
        var p = UsmSecurityParameters.Decode(UsmTestData.DiscoveryProbeParameters);
        p.Should().Be(UsmDiscovery.ProbeParameters());
        UsmDiscovery.IsProbe(p).Should().BeTrue();
        p.Encode().Should().Equal(UsmTestData.DiscoveryProbeParameters);
    }

    [Fact]
    public void Offsets_are_absolute_with_a_base_offset()
    {
        UsmSecurityParameters.Decode(UsmTestData.NetSnmpSecurityParameters, 100, out int authOffset);
        authOffset.Should().Be(126);
        var e = FluentActions.Invoking(() => UsmSecurityParameters.Decode(UsmTestData.NetSnmpSecurityParameters[..^1], 100)).Should().Throw<ParseError>().Which;
        e.Offset.Should().Be(100);
        e.Protocol.Should().Be("snmp");
    }

    [Fact]
    public void Round_trips_generated_parameters_and_reports_where_the_auth_octets_sit()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Parameters.ToArbitrary(), p =>
        {
            byte[] bytes = p.Encode(out int off);
            var back = UsmSecurityParameters.Decode(bytes, 0, out int decodedOff);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            buffer.GetSpan(1)[0] = 0xEE; buffer.Advance(1);
            int viaWriter = p.Encode(buffer);
            return back == p && decodedOff == off
                && bytes.AsSpan(off, p.AuthenticationParameters.Length).SequenceEqual(p.AuthenticationParameters)
                && buffer.WrittenSpan[1..].SequenceEqual(bytes) && viaWriter == off
                && back.GetHashCode() == p.GetHashCode();
        }));
    }

    [Fact]
    public void Encoding_is_minimal_and_accepted_by_a_strict_DER_reader()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Parameters.ToArbitrary(), p =>
        {
            var r = new AsnReader(p.Encode(), AsnEncodingRules.DER).ReadSequence();
            return r.ReadOctetString().AsSpan().SequenceEqual(p.AuthoritativeEngineId)
                && (int)r.ReadInteger() == p.AuthoritativeEngineBoots && (int)r.ReadInteger() == p.AuthoritativeEngineTime
                && r.ReadOctetString().AsSpan().SequenceEqual(p.UserName)
                && r.ReadOctetString().AsSpan().SequenceEqual(p.AuthenticationParameters)
                && r.ReadOctetString().AsSpan().SequenceEqual(p.PrivacyParameters) && !r.HasData;
        }));
    }

    [Fact]
    public void Accepts_longer_than_minimal_definite_lengths_as_RFC_3417_section_8_allows()
    {
        // The outer length in the long form 81 2E, the user name's length as 82 00 04.
        byte[] src = UsmTestData.NetSnmpSecurityParameters;
        byte[] odd = [0x30, 0x81, 0x30, .. src[2..18], 0x04, 0x82, 0x00, 0x04, .. src[20..]];
        var p = UsmSecurityParameters.Decode(odd, 0, out int authOffset);
        p.Should().Be(UsmSecurityParameters.Decode(src));
        authOffset.Should().Be(26 + 1 + 2);
        odd.AsSpan(authOffset, 12).ToArray().Should().Equal(p.AuthenticationParameters);
    }

    // ------------------------------------------------------------ malformed

    /// <summary>A SEQUENCE of raw elements (short-form length), and where each element starts.</summary>
    static (byte[] Bytes, int[] At) Seq(params string[] elementsHex)
    {
        var elements = elementsHex.Select(Convert.FromHexString).ToArray();
        int len = elements.Sum(e => e.Length);
        var at = new int[elements.Length];
        var bytes = new List<byte> { 0x30, (byte)len };
        for (int i = 0; i < elements.Length; i++) { at[i] = bytes.Count; bytes.AddRange(elements[i]); }
        return (bytes.ToArray(), at);
    }

    const string Id = "04088000000001020304", Zero = "020100", User = "040475736572", Auth = "040C000000000000000000000000", Priv = "0400";

    static ParseError Fails(byte[] bytes) =>
        FluentActions.Invoking(() => UsmSecurityParameters.Decode(bytes)).Should().Throw<ParseError>().Which;

    [Fact]
    public void Empty_input()
    {
        var e = Fails([]);
        (e.Offset, e.Field).Should().Be((0, UsmFields.SecurityParameters));
    }

    [Fact]
    public void Truncated_input_is_an_overlong_SEQUENCE()
    {
        var e = Fails(UsmTestData.NetSnmpSecurityParameters[..^3]);
        (e.Offset, e.Field).Should().Be((0, UsmFields.SecurityParameters));
        e.Problem.Should().Contain("runs past the end");
    }

    [Fact]
    public void Indefinite_length_is_refused()
    {
        byte[] src = UsmTestData.NetSnmpSecurityParameters;
        var e = Fails([0x30, 0x80, .. src[2..], 0x00, 0x00]);
        (e.Offset, e.Field).Should().Be((0, UsmFields.SecurityParameters));
        e.Problem.Should().Contain("indefinite");

        var (inner, at) = Seq(Id, Zero, Zero, "24800404757365720000", Auth, Priv);
        var e2 = Fails(inner);
        (e2.Offset, e2.Field).Should().Be((at[3], UsmFields.UserName));
        e2.Problem.Should().Contain("indefinite");
    }

    [Fact]
    public void Not_a_SEQUENCE()
    {
        byte[] bytes = (byte[])UsmTestData.NetSnmpSecurityParameters.Clone();
        bytes[0] = 0x31;
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((0, UsmFields.SecurityParameters));
        e.Problem.Should().Contain("SEQUENCE");
    }

    [Fact]
    public void Bytes_after_the_SEQUENCE()
    {
        var e = Fails([.. UsmTestData.NetSnmpSecurityParameters, 0x00]);
        (e.Offset, e.Field).Should().Be((48, UsmFields.SecurityParameters));
    }

    [Theory]
    [InlineData("0201FF", "out of range")]            // -1
    [InlineData("02050080000000", "out of range")]    // 2147483648
    [InlineData("020480000000", "out of range")]      // -2147483648
    [InlineData("02020005", "invalid INTEGER")]       // redundant leading zero (X.690 §8.3.2)
    [InlineData("0200", "invalid INTEGER")]           // no content octets
    [InlineData("040100", "expected an INTEGER")]     // wrong type
    [InlineData("22030201FF", "constructed INTEGER")]
    public void Boots_out_of_range_or_badly_encoded(string bootsHex, string problem)
    {
        var (bytes, at) = Seq(Id, bootsHex, Zero, User, Auth, Priv);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[1], UsmFields.AuthoritativeEngineBoots));
        e.Problem.Should().Contain(problem);
    }

    [Fact]
    public void Time_at_the_maximum_is_accepted_and_above_it_refused()
    {
        var (ok, _) = Seq(Id, Zero, "02047FFFFFFF", User, Auth, Priv);
        UsmSecurityParameters.Decode(ok).AuthoritativeEngineTime.Should().Be(int.MaxValue);
        var (bad, at) = Seq(Id, Zero, "02050080000000", User, Auth, Priv);
        var e = Fails(bad);
        (e.Offset, e.Field).Should().Be((at[2], UsmFields.AuthoritativeEngineTime));
    }

    [Fact]
    public void User_name_longer_than_32_octets()
    {
        var (ok, _) = Seq(Id, Zero, Zero, "0420" + new string('A', 64), Auth, Priv);
        UsmSecurityParameters.Decode(ok).UserName.Should().HaveCount(32);
        var (bytes, at) = Seq(Id, Zero, Zero, "0421" + new string('A', 66), Auth, Priv);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[3], UsmFields.UserName));
        e.Problem.Should().Contain("at most 32");
    }

    [Theory]
    [InlineData("0403010203")]
    [InlineData("0404" + "01020304")]
    [InlineData("0421" + "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20")]
    public void Engine_id_of_a_length_no_snmpEngineID_has(string idHex)
    {
        var (bytes, at) = Seq(idHex, Zero, Zero, User, Auth, Priv);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[0], UsmFields.AuthoritativeEngineId));
        e.Problem.Should().Contain("5..32");
    }

    [Fact]
    public void Constructed_OCTET_STRING_is_refused()
    {
        var (bytes, at) = Seq(Id, Zero, Zero, "2406040475736572", Auth, Priv);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[3], UsmFields.UserName));
        e.Problem.Should().Contain("constructed");
    }

    [Fact]
    public void Missing_privacy_parameters()
    {
        var (bytes, _) = Seq(Id, Zero, Zero, User, Auth);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((bytes.Length, UsmFields.PrivacyParameters));
        e.Problem.Should().Contain("ends before");
    }

    [Fact]
    public void A_seventh_element()
    {
        var (bytes, at) = Seq(Id, Zero, Zero, User, Auth, Priv, "0500");
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[6], UsmFields.SecurityParameters));
        e.Problem.Should().Contain("exactly six");
    }

    [Fact]
    public void An_element_longer_than_its_SEQUENCE()
    {
        // The user name claims 10 octets; the SEQUENCE ends after 4 of them (the outer length is right for the input).
        var (bytes, at) = Seq(Id, Zero, Zero, "040A75736572");
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[3], UsmFields.UserName));
        e.Problem.Should().Contain("runs past the end");
    }

    [Fact]
    public void Wrong_tag_for_the_authentication_parameters()
    {
        var (bytes, at) = Seq(Id, Zero, Zero, User, "0500", Priv);
        var e = Fails(bytes);
        (e.Offset, e.Field).Should().Be((at[4], UsmFields.AuthenticationParameters));
        e.Problem.Should().Contain("OCTET STRING");
    }

    [Fact]
    public void The_encoder_refuses_what_the_decoder_would()
    {
        FluentActions.Invoking(() => new UsmSecurityParameters(new byte[4], 0, 0, [], [], [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new UsmSecurityParameters([], -1, 0, [], [], [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new UsmSecurityParameters([], 0, -1, [], [], [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new UsmSecurityParameters([], 0, 0, new byte[33], [], [])).Should().Throw<ArgumentException>();
    }
}
