using System.Buffers.Binary;
using System.Security.Cryptography;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EUeConformance.Tests.Protocols.Snmp.Usm;

/// <summary>
/// CBC-DES (RFC 3414 §8) and CFB128-AES-128 (RFC 3826 §3): the IV and salt construction against the
/// RFCs' definitions computed here with the BCL primitives block by block, round trips of every
/// length, and the decryption errors. (net-snmp judges both in <see cref="NetSnmpInteropTests"/>.)
/// </summary>
public class PrivacyTests
{
    static readonly byte[] Key20 = Convert.FromHexString("00112233445566778899AABBCCDDEEFF01234567");

    [Fact]
    public void DES_salt_is_engineBoots_then_the_low_32_bits_of_the_counter_and_IV_is_preIV_xor_salt()
    {
        byte[] plaintext = Convert.FromHexString("300E0400040000A0080201010201000201003000"[..36]); // 18 octets: padded to 24
        var enc = UsmPrivProtocol.Des.Encrypt(Key20, 0x01020304, 999, plaintext, new UsmSaltCounter(0xAABBCCDD_11223344));
        enc.PrivacyParameters.Should().Equal(Convert.FromHexString("0102030411223344"));
        enc.EncryptedPdu.Should().HaveCount(24);

        // By hand: DES-CBC with key = octets 0..7, IV = octets 8..15 XOR salt, zero padding.
        byte[] iv = new byte[8];
        for (int i = 0; i < 8; i++) iv[i] = (byte)(Key20[8 + i] ^ enc.PrivacyParameters[i]);
        using var des = DES.Create();
        des.Key = Key20[..8];
        byte[] padded = new byte[24];
        plaintext.CopyTo(padded, 0);
        des.EncryptCbc(padded, iv, PaddingMode.None).Should().Equal(enc.EncryptedPdu);

        UsmPrivProtocol.Des.TryDecrypt(Key20, 0, 0, enc.PrivacyParameters, enc.EncryptedPdu, out byte[] back).Should().BeTrue();
        back.Should().Equal(padded, "DES plaintext keeps its padding; the ScopedPDU's length delimits it");
    }

    [Fact]
    public void AES_IV_is_boots_time_salt_and_CFB128_needs_no_padding()
    {
        byte[] plaintext = Enumerable.Range(0, 37).Select(i => (byte)i).ToArray();
        var enc = UsmPrivProtocol.AesCfb128.Encrypt(Key20, 5, 0x00ABCDEF, plaintext, new UsmSaltCounter(0x0102030405060708));
        enc.PrivacyParameters.Should().Equal(Convert.FromHexString("0102030405060708"));
        enc.EncryptedPdu.Should().HaveCount(37);

        // By hand, CFB-128 from its definition with AES-ECB: C_i = P_i XOR E(C_{i-1}), C_0 = IV.
        byte[] iv = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(iv, 5);
        BinaryPrimitives.WriteInt32BigEndian(iv.AsSpan(4), 0x00ABCDEF);
        enc.PrivacyParameters.CopyTo(iv, 8);
        using var aes = Aes.Create();
        aes.Key = Key20[..16];
        byte[] expected = new byte[37];
        byte[] feedback = iv;
        for (int block = 0; block * 16 < 37; block++)
        {
            byte[] stream = aes.EncryptEcb(feedback, PaddingMode.None);
            int n = Math.Min(16, 37 - block * 16);
            for (int i = 0; i < n; i++) expected[block * 16 + i] = (byte)(plaintext[block * 16 + i] ^ stream[i]);
            feedback = expected.AsSpan(block * 16, 16 <= 37 - block * 16 ? 16 : n).ToArray();
        }
        enc.EncryptedPdu.Should().Equal(expected);

        UsmPrivProtocol.AesCfb128.TryDecrypt(Key20, 5, 0x00ABCDEF, enc.PrivacyParameters, enc.EncryptedPdu, out byte[] back).Should().BeTrue();
        back.Should().Equal(plaintext);
        UsmPrivProtocol.AesCfb128.TryDecrypt(Key20, 5, 0x00ABCDF0, enc.PrivacyParameters, enc.EncryptedPdu, out byte[] otherTime).Should().BeTrue();
        otherTime.Should().NotEqual(plaintext, "the engine time is part of the IV");
    }

    [Fact]
    public void Round_trips_every_length_with_both_ciphers()
    {
        var salt = new UsmSaltCounter(42);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(
            Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (plain, boots, time) =>
            {
                var aes = UsmPrivProtocol.AesCfb128.Encrypt(Key20, boots, time, plain, salt);
                bool aesOk = UsmPrivProtocol.AesCfb128.TryDecrypt(Key20, boots, time, aes.PrivacyParameters, aes.EncryptedPdu, out byte[] a)
                    && a.AsSpan().SequenceEqual(plain) && aes.EncryptedPdu.Length == plain.Length;
                var des = UsmPrivProtocol.Des.Encrypt(Key20[..16], boots, time, plain, salt);
                bool desOk = UsmPrivProtocol.Des.TryDecrypt(Key20[..16], 0, 0, des.PrivacyParameters, des.EncryptedPdu, out byte[] d)
                    && d.AsSpan(0, plain.Length).SequenceEqual(plain) && d.Length == (plain.Length + 7) / 8 * 8 && d.Skip(plain.Length).All(b => b == 0);
                return aesOk && desOk;
            }));
    }

    [Fact]
    public void Successive_messages_use_successive_salts()
    {
        var salt = new UsmSaltCounter(0xFFFFFFFF);
        var a = UsmPrivProtocol.Des.Encrypt(Key20, 1, 0, new byte[8], salt);
        var b = UsmPrivProtocol.Des.Encrypt(Key20, 1, 0, new byte[8], salt);
        a.PrivacyParameters.Should().Equal(Convert.FromHexString("00000001FFFFFFFF"));
        b.PrivacyParameters.Should().Equal(Convert.FromHexString("0000000100000000"), "the 32-bit DES integer wraps");
        a.EncryptedPdu.Should().NotEqual(b.EncryptedPdu);
    }

    [Fact]
    public void Decryption_errors_of_RFC_3414_section_8_3_2()
    {
        var enc = UsmPrivProtocol.Des.Encrypt(Key20, 1, 0, new byte[20], new UsmSaltCounter(1));
        UsmPrivProtocol.Des.TryDecrypt(Key20, 1, 0, enc.PrivacyParameters[..7], enc.EncryptedPdu, out _).Should().BeFalse("msgPrivacyParameters must be 8 octets");
        UsmPrivProtocol.Des.TryDecrypt(Key20, 1, 0, enc.PrivacyParameters, enc.EncryptedPdu[..^1], out _).Should().BeFalse("DES ciphertext is a multiple of 8");
        UsmPrivProtocol.AesCfb128.TryDecrypt(Key20, 1, 0, [], enc.EncryptedPdu, out _).Should().BeFalse();
        UsmPrivProtocol.AesCfb128.TryDecrypt(Key20, 1, 0, new byte[9], enc.EncryptedPdu, out _).Should().BeFalse();
    }

    [Fact]
    public void Short_keys_are_programming_errors()
    {
        FluentActions.Invoking(() => UsmPrivProtocol.AesCfb128.Encrypt(new byte[15], 0, 0, [1], new UsmSaltCounter(0))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmPrivProtocol.Des.TryDecrypt(new byte[8], 0, 0, new byte[8], new byte[8], out _)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => UsmPrivProtocol.None.Encrypt(Key20, 0, 0, [1], new UsmSaltCounter(0))).Should().Throw<InvalidOperationException>();
    }
}
