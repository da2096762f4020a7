using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Wire;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>
/// File encryption per PKT-SEC1.5 §7.1.1.2.2 (confounder of one block, random padding, CBC with IV = 0),
/// checked against openssl's implementation of each cipher.
/// </summary>
public class EncryptionTests
{
    public static TheoryData<ConfigFileEncryptAlgorithm, string, string> Ciphers => new()
    {
        { ConfigFileEncryptAlgorithm.Des64Cbc, "des-cbc", "0123456789ABCDEF" },
        { ConfigFileEncryptAlgorithm.TripleDes192Cbc, "des-ede3-cbc", "0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123" },
        { ConfigFileEncryptAlgorithm.Aes128Cbc, "aes-128-cbc", "000102030405060708090A0B0C0D0E0F" },
        { ConfigFileEncryptAlgorithm.Aes256Cbc, "aes-256-cbc", "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F" },
    };

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void Openssl_decrypts_our_ciphertext_to_confounder_file_and_padding(ConfigFileEncryptAlgorithm algorithm, string opensslCipher, string keyHex)
    {
        var cipher = ConfigFileCiphers.For(algorithm);
        byte[] key = Convert.FromHexString(keyHex);
        byte[] file = ConfigFileSamples.SecureFlow().Encode();
        byte[] confounder = Enumerable.Range(0xA0, cipher.BlockSize).Select(i => (byte)i).ToArray();
        byte[] padding = Enumerable.Repeat((byte)0x5A, ConfigFileEncryption.PaddingLength(file.Length, cipher.BlockSize)).ToArray();

        byte[] ct = ConfigFileEncryption.Encrypt(file, cipher, key, confounder, padding);
        ct.Length.Should().Be(cipher.BlockSize + file.Length + padding.Length);
        (ct.Length % cipher.BlockSize).Should().Be(0);

        string path = Path.Combine(EUeConformance.Tests.Support.Repo.TempDir(), "cfg.enc");
        File.WriteAllBytes(path, ct);
        var (exit, plain, err) = ExternalTool.Run(ExternalTool.OpenSsl,
            ["enc", "-d", "-" + opensslCipher, "-K", keyHex, "-iv", new string('0', 2 * cipher.BlockSize), "-nopad",
             "-provider", "legacy", "-provider", "default", "-in", path]);
        exit.Should().Be(0, err);
        plain.Should().Equal([.. confounder, .. file, .. padding]);
    }

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void A_decrypted_file_parses_with_the_padding_as_its_trailer(ConfigFileEncryptAlgorithm algorithm, string opensslCipher, string keyHex)
    {
        var cipher = ConfigFileCiphers.For(algorithm);
        byte[] key = Convert.FromHexString(keyHex);
        var original = ConfigFileSamples.SecureFlow();
        byte[] ct = ConfigFileEncryption.Encrypt(original.Encode(), cipher, key);

        var result = ConfigFileEncryption.DecryptAndParse(ct, cipher, key);
        result.IsValid.Should().BeTrue($"{opensslCipher}: " + string.Join("\n", result.Problems));
        result.Problems.Should().BeEmpty();
        result.File.Tlvs.Should().Equal(original.Tlvs);
        result.File.Trailer.Length.Should().Be(ConfigFileEncryption.PaddingLength(original.EncodedLength, cipher.BlockSize));
    }

    [Fact]
    public void Without_the_decrypted_option_the_padding_is_data_after_the_end()
    {
        var cipher = ConfigFileCiphers.Des;
        byte[] key = Convert.FromHexString("0123456789ABCDEF");
        byte[] file = new ConfigFileBuilder().StartOfFile().EndOfFile().Build().Encode(); // 6 bytes → 2 of padding
        byte[] plain = ConfigFileEncryption.Decrypt(ConfigFileEncryption.Encrypt(file, cipher, key, new byte[8], [0xFE, 0x01]), cipher, key);
        plain.Should().Equal([.. file, 0xFE, 0x01]);
        EueConfigFile.Parse(plain).Problems.Should().Contain(p => p.Kind == ConfigFileProblemKind.DataAfterEndOfFile && p.Offset == 6);
    }

    [Fact]
    public void Ciphertext_that_is_not_whole_blocks_is_a_ParseError()
    {
        var des = ConfigFileCiphers.Des;
        byte[] key = Convert.FromHexString("0123456789ABCDEF");
        FluentActions.Invoking(() => ConfigFileEncryption.Decrypt(new byte[7], des, key)).Should().Throw<ParseError>().Which.Offset.Should().Be(0);
        var e = FluentActions.Invoking(() => ConfigFileEncryption.Decrypt(new byte[21], des, key)).Should().Throw<ParseError>().Which;
        (e.Offset, e.Field).Should().Be((16, ConfigFileFields.Ciphertext));
    }

    [Fact]
    public void Keys_must_have_the_cipher_size()
    {
        FluentActions.Invoking(() => ConfigFileEncryption.Encrypt(new byte[6], ConfigFileCiphers.Des, new byte[32]))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ConfigFileEncryption.Encrypt(new byte[6], ConfigFileCiphers.Des, new byte[8], new byte[8], new byte[5]))
            .Should().Throw<ArgumentException>("6 + 5 bytes is not whole blocks");
    }
}
