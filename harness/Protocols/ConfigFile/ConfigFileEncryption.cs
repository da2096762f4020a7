using System.Security.Cryptography;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// Optional encryption of the configuration file (Secure flow only). Settled from PKT-SEC1.5
/// (PKT-SP-SEC1.5-I03-090624 §7.1.1.2.2, §7.1.1.3.2):
/// <list type="number">
/// <item>prepend a random confounder of one cipher block (8 bytes for DES);</item>
/// <item>append random padding up to a multiple of the block size;</item>
/// <item>encrypt in CBC mode with IV = 0;</item>
/// <item>the SHA-1 hash sent in pktcMtaDevProvConfigHash is taken over the encrypted file;</item>
/// <item>the cipher is the one used for SNMPv3 privacy (DES-CBC in SEC1.5 §7.1.1.2.1); no SNMPv3
/// privacy, no file encryption and no key in the SET (also EUE-PROV eUE-19).</item>
/// </list>
/// Not settled, hence behind <see cref="IConfigFileCipher"/> and stated here:
/// <list type="bullet">
/// <item>3DES and AES: RFC 4682 lists t3Des192CbcMode, aes128CbcMode, aes256CbcMode, but no public text
/// seen says whether confounder, padding and IV = 0 apply to them as to DES; this code assumes they do,
/// with the cipher's block size.</item>
/// <item>Key form: the CableLabs MIB's pktcMtaDevProvConfigKey is 8 bytes for DES (SIZE(0|8)); RFC 4682's
/// is SIZE(32) for every algorithm, and how 32 bytes map to an 8/24/16-byte key is not stated. The
/// ciphers here take a key of exactly their size.</item>
/// <item>How the device finds the end of the plaintext: padding is random and carries no length, so this
/// code drops the confounder and lets the parser stop at the End of File TLV
/// (<see cref="ConfigFileParseOptions.Decrypted"/>), treating what follows as padding.</item>
/// </list>
/// </summary>
public static class ConfigFileEncryption
{
    /// <summary>Encrypts with caller-chosen confounder and padding (deterministic, for tests and evidence).</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> file, IConfigFileCipher cipher, ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> confounder, ReadOnlySpan<byte> padding)
    {
        int bs = cipher.BlockSize;
        if (confounder.Length != bs) throw new ArgumentException($"the confounder is one block, {bs} bytes (PKT-SEC1.5 §7.1.1.2.2)", nameof(confounder));
        if ((bs + file.Length + padding.Length) % bs != 0 || padding.Length >= bs)
            throw new ArgumentException($"padding must bring the length to a multiple of {bs}: {PaddingLength(file.Length, bs)} byte(s)", nameof(padding));
        var plain = new byte[bs + file.Length + padding.Length];
        confounder.CopyTo(plain);
        file.CopyTo(plain.AsSpan(bs));
        padding.CopyTo(plain.AsSpan(bs + file.Length));
        return cipher.EncryptCbc(plain, key, new byte[bs]);
    }

    /// <summary>Encrypts with a random confounder and random padding, as PKT-SEC1.5 §7.1.1.2.2 says.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> file, IConfigFileCipher cipher, ReadOnlySpan<byte> key)
    {
        int bs = cipher.BlockSize;
        Span<byte> confounder = stackalloc byte[bs];
        RandomNumberGenerator.Fill(confounder);
        var padding = new byte[PaddingLength(file.Length, bs)];
        RandomNumberGenerator.Fill(padding);
        return Encrypt(file, cipher, key, confounder, padding);
    }

    /// <summary>Bytes of padding after a file of <paramref name="fileLength"/> bytes and a one-block confounder.</summary>
    public static int PaddingLength(int fileLength, int blockSize) => (blockSize - fileLength % blockSize) % blockSize;

    /// <summary>
    /// Decrypts and drops the confounder; the result still ends with the padding. Throws
    /// <see cref="ParseError"/> when the ciphertext cannot be a file encrypted this way.
    /// </summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> ciphertext, IConfigFileCipher cipher, ReadOnlySpan<byte> key)
    {
        int bs = cipher.BlockSize;
        if (ciphertext.Length < bs)
            throw new ParseError(ConfigFileFields.Protocol, 0, ConfigFileFields.Ciphertext, $"{ciphertext.Length} byte(s) cannot hold the {bs}-byte confounder");
        if (ciphertext.Length % bs != 0)
            throw new ParseError(ConfigFileFields.Protocol, ciphertext.Length - ciphertext.Length % bs, ConfigFileFields.Ciphertext, $"{ciphertext.Length} bytes is not a multiple of the {bs}-byte block");
        byte[] plain = cipher.DecryptCbc(ciphertext, key, new byte[bs]);
        return plain[bs..];
    }

    /// <summary>Decrypts, then parses with the padding after the End of File TLV allowed.</summary>
    public static ConfigFileParseResult DecryptAndParse(ReadOnlySpan<byte> ciphertext, IConfigFileCipher cipher, ReadOnlySpan<byte> key) =>
        ConfigFileParser.Parse(Decrypt(ciphertext, cipher, key), ConfigFileParseOptions.Decrypted);
}
