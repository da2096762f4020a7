using System.Security.Cryptography;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414 §6, §7): signing in place, verifying, and tampering.</summary>
public class AuthenticationTests
{
    public static TheoryData<string> Protocols => new() { "MD5", "SHA" };

    static (UsmAuthProtocol Protocol, UsmUser User) For(string name) =>
        name == "MD5" ? (UsmAuthProtocol.HmacMd5, UsmTestData.Md5DesUser) : (UsmAuthProtocol.HmacSha, UsmTestData.ShaAesUser);

    static (byte[] Message, int AuthOffset) SignedGet(UsmUser user)
    {
        byte[] message = UsmTestData.SecureMessage(user, UsmSecurityLevel.AuthNoPriv, 3, 1000, UsmTestData.GetSysDescr(77).Encode(), new UsmSaltCounter(1));
        var frame = SnmpV3Frame.Parse(message);
        UsmSecurityParameters.Decode(message.AsSpan(frame.SecurityParametersOffset, frame.SecurityParametersLength), frame.SecurityParametersOffset, out int off);
        return (message, off);
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void The_MAC_is_the_first_12_octets_of_HMAC_over_the_message_with_those_octets_zeroed(string name)
    {
        var (protocol, user) = For(name);
        var (message, off) = SignedGet(user);
        byte[] zeroed = (byte[])message.Clone();
        Array.Clear(zeroed, off, 12);
        byte[] full = protocol == UsmAuthProtocol.HmacMd5 ? HMACMD5.HashData(user.AuthKey, zeroed) : HMACSHA1.HashData(user.AuthKey, zeroed);
        message.AsSpan(off, 12).ToArray().Should().Equal(full[..12]);
        protocol.Verify(user.AuthKey, message, off).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Every_single_bit_flip_anywhere_in_the_message_fails_verification(string name)
    {
        var (protocol, user) = For(name);
        var (message, off) = SignedGet(user);
        for (int i = 0; i < message.Length; i++)
            for (int bit = 0; bit < 8; bit++)
            {
                message[i] ^= (byte)(1 << bit);
                protocol.Verify(user.AuthKey, message, off).Should().BeFalse($"bit {bit} of octet {i} was flipped");
                message[i] ^= (byte)(1 << bit);
            }
        protocol.Verify(user.AuthKey, message, off).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void A_wrong_key_or_a_key_for_another_engine_fails(string name)
    {
        var (protocol, user) = For(name);
        var (message, off) = SignedGet(user);
        byte[] wrong = (byte[])user.AuthKey.Clone();
        wrong[0] ^= 1;
        protocol.Verify(wrong, message, off).Should().BeFalse();
        protocol.Verify(protocol.LocalizedKeyFromPassword(UsmTestData.AuthPassword, UsmTestData.OtherEngineId), message, off).Should().BeFalse();
        protocol.Verify(protocol.LocalizedKeyFromPassword("another password", UsmTestData.EngineId), message, off).Should().BeFalse();
    }

    [Fact]
    public void Verification_does_not_modify_the_message_and_a_misplaced_offset_fails()
    {
        var (message, off) = SignedGet(UsmTestData.ShaAesUser);
        byte[] before = (byte[])message.Clone();
        UsmAuthProtocol.HmacSha.Verify(UsmTestData.ShaAesUser.AuthKey, message, off + 1).Should().BeFalse();
        UsmAuthProtocol.HmacSha.Verify(UsmTestData.ShaAesUser.AuthKey, message, message.Length - 11).Should().BeFalse();
        UsmAuthProtocol.HmacSha.Verify(UsmTestData.ShaAesUser.AuthKey, message, -1).Should().BeFalse();
        message.Should().Equal(before);
    }

    [Fact]
    public void Signing_overwrites_whatever_sits_in_the_MAC_place()
    {
        var (message, off) = SignedGet(UsmTestData.ShaAesUser);
        byte[] garbage = (byte[])message.Clone();
        garbage.AsSpan(off, 12).Fill(0xA5);
        UsmAuthProtocol.HmacSha.Sign(UsmTestData.ShaAesUser.AuthKey, garbage, off);
        garbage.Should().Equal(message);
    }

    [Fact]
    public void Keys_of_the_wrong_length_are_programming_errors()
    {
        var (message, off) = SignedGet(UsmTestData.ShaAesUser);
        FluentActions.Invoking(() => UsmAuthProtocol.HmacSha.Verify(new byte[16], message, off)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmAuthProtocol.HmacMd5.Sign(new byte[20], message, off)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmAuthProtocol.HmacMd5.Sign(new byte[16], message, message.Length - 4)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => UsmAuthProtocol.None.Sign([], message, off)).Should().Throw<InvalidOperationException>();
    }
}
