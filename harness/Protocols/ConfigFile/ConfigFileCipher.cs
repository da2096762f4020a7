using System.Security.Cryptography;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// The file encryption algorithms, numbered as RFC 4682's PktcMtaDevProvEncryptAlg
/// (pktcMtaDevProvConfigEncryptAlg, default des64CbcMode).
/// </summary>
public enum ConfigFileEncryptAlgorithm
{
    None = 0,
    Des64Cbc = 1,
    TripleDes192Cbc = 2,
    Aes128Cbc = 3,
    Aes256Cbc = 4,
}

/// <summary>
/// A block cipher in CBC mode without padding, as the configuration file encryption uses it. The
/// structure around it (confounder, random padding, IV = 0) is in <see cref="ConfigFileEncryption"/>.
/// </summary>
public interface IConfigFileCipher
{
    ConfigFileEncryptAlgorithm Algorithm { get; }
    int BlockSize { get; }
    int KeySize { get; }
    byte[] EncryptCbc(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv);
    byte[] DecryptCbc(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv);
}

/// <summary>The BCL ciphers for each algorithm of <see cref="ConfigFileEncryptAlgorithm"/>.</summary>
public static class ConfigFileCiphers
{
    /// <summary>DES-CBC, 8-byte key: the one PKT-SEC1.5 settles (the file cipher is the SNMPv3 privacy cipher, DES-CBC).</summary>
    public static IConfigFileCipher Des { get; } = new BclCipher(ConfigFileEncryptAlgorithm.Des64Cbc, 8, 8, DES.Create);
    public static IConfigFileCipher TripleDes { get; } = new BclCipher(ConfigFileEncryptAlgorithm.TripleDes192Cbc, 8, 24, TripleDES.Create);
    public static IConfigFileCipher Aes128 { get; } = new BclCipher(ConfigFileEncryptAlgorithm.Aes128Cbc, 16, 16, Aes.Create);
    public static IConfigFileCipher Aes256 { get; } = new BclCipher(ConfigFileEncryptAlgorithm.Aes256Cbc, 16, 32, Aes.Create);

    public static IConfigFileCipher For(ConfigFileEncryptAlgorithm algorithm) => algorithm switch
    {
        ConfigFileEncryptAlgorithm.Des64Cbc => Des,
        ConfigFileEncryptAlgorithm.TripleDes192Cbc => TripleDes,
        ConfigFileEncryptAlgorithm.Aes128Cbc => Aes128,
        ConfigFileEncryptAlgorithm.Aes256Cbc => Aes256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "no cipher for this algorithm"),
    };

    sealed class BclCipher(ConfigFileEncryptAlgorithm algorithm, int blockSize, int keySize, Func<SymmetricAlgorithm> create) : IConfigFileCipher
    {
        public ConfigFileEncryptAlgorithm Algorithm => algorithm;
        public int BlockSize => blockSize;
        public int KeySize => keySize;

        public byte[] EncryptCbc(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
        {
            using var c = Keyed(key);
            return c.EncryptCbc(plaintext, iv, PaddingMode.None);
        }

        public byte[] DecryptCbc(ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
        {
            using var c = Keyed(key);
            return c.DecryptCbc(ciphertext, iv, PaddingMode.None);
        }

        SymmetricAlgorithm Keyed(ReadOnlySpan<byte> key)
        {
            if (key.Length != keySize) throw new ArgumentException($"{algorithm} takes a {keySize}-byte key, not {key.Length}", nameof(key));
            var c = create();
            try { c.Key = key.ToArray(); }
            catch (CryptographicException e)
            {
                c.Dispose();
                throw new ArgumentException($"{algorithm} rejects this key: {e.Message}", nameof(key), e);
            }
            return c;
        }
    }
}
