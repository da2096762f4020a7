using System.Buffers.Binary;
using System.Security.Cryptography;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>The ScopedPDU encrypted by a privacy protocol, and the msgPrivacyParameters (the salt) that go with it.</summary>
public sealed record UsmEncryptedPdu(byte[] EncryptedPdu, byte[] PrivacyParameters);

/// <summary>
/// A USM privacy protocol as data: name, object identifier, the octets of localized key it needs,
/// and the length of msgPrivacyParameters. Encryption is a pure function of the key, the
/// authoritative engine's boots and time, the plaintext and the salt.
/// <list type="bullet">
/// <item>usmDESPrivProtocol, CBC-DES (RFC 3414 §8): DES key = the first 8 octets of the 16-octet privacy
/// key, pre-IV = its last 8 (octets 8..15; with SHA the localized key is 20 octets and only the first
/// 16 count, RFC 3414 §2.6 / §8.1.1.1), salt = snmpEngineBoots (4) || local 32-bit integer (4),
/// IV = pre-IV XOR salt, plaintext padded to a multiple of 8.</item>
/// <item>usmAesCfb128Protocol, CFB128-AES-128 (RFC 3826 §3): key = the first 16 octets, IV =
/// msgAuthoritativeEngineBoots (4) || msgAuthoritativeEngineTime (4) || 64-bit salt (8), no padding.</item>
/// </list>
/// </summary>
public sealed class UsmPrivProtocol
{
    enum Cipher { None, DesCbc, AesCfb128 }

    readonly Cipher _cipher;

    UsmPrivProtocol(string name, string oid, Cipher cipher, int keyLength, int parametersLength)
    {
        Name = name; Oid = oid; _cipher = cipher; KeyLength = keyLength; PrivacyParametersLength = parametersLength;
    }

    public string Name { get; }
    public string Oid { get; }
    /// <summary>Octets of the localized privacy key this protocol uses (the key may be longer: the rest is ignored).</summary>
    public int KeyLength { get; }
    /// <summary>Octets of msgPrivacyParameters: 8 for both DES (RFC 3414 §8.1.1.1) and AES (RFC 3826 §3.1.2.1).</summary>
    public int PrivacyParametersLength { get; }
    public bool Encrypts => _cipher != Cipher.None;

    /// <summary>usmNoPrivProtocol (SNMP-FRAMEWORK-MIB snmpPrivProtocols.1).</summary>
    public static UsmPrivProtocol None { get; } = new("usmNoPrivProtocol", "1.3.6.1.6.3.10.1.2.1", Cipher.None, 0, 0);
    /// <summary>usmDESPrivProtocol (RFC 3414 §8, snmpPrivProtocols.2).</summary>
    public static UsmPrivProtocol Des { get; } = new("usmDESPrivProtocol", "1.3.6.1.6.3.10.1.2.2", Cipher.DesCbc, 16, 8);
    /// <summary>usmAesCfb128Protocol (RFC 3826 §3, snmpPrivProtocols.4).</summary>
    public static UsmPrivProtocol AesCfb128 { get; } = new("usmAesCfb128Protocol", "1.3.6.1.6.3.10.1.2.4", Cipher.AesCfb128, 16, 8);

    public static IReadOnlyList<UsmPrivProtocol> All { get; } = [None, Des, AesCfb128];

    public static UsmPrivProtocol? FromOid(string oid) => All.FirstOrDefault(p => p.Oid == oid);
    public static UsmPrivProtocol? FromName(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// Encrypts a ScopedPDU's encoding (RFC 3414 §8.3.1, RFC 3826 §3.2.1). For DES,
    /// <paramref name="engineBoots"/> is the boots value that goes into the salt (RFC 3414 §8.1.1.1: the
    /// generating engine's snmpEngineBoots; the receiver takes the salt as sent); for AES,
    /// <paramref name="engineBoots"/> and <paramref name="engineTime"/> are the message's
    /// msgAuthoritativeEngineBoots and msgAuthoritativeEngineTime.
    /// </summary>
    public UsmEncryptedPdu Encrypt(ReadOnlySpan<byte> localizedKey, int engineBoots, int engineTime, ReadOnlySpan<byte> scopedPdu, IUsmSaltSource saltSource)
    {
        CheckKey(localizedKey);
        using var cipher = CreateCipher(localizedKey);
        return Encrypt(cipher, null, localizedKey, engineBoots, engineTime, scopedPdu, saltSource);
    }

    /// <summary>
    /// Decrypts an encryptedPDU (RFC 3414 §8.3.2, RFC 3826 §3.2.2). False (a decryptionError,
    /// usmStatsDecryptionErrors) when msgPrivacyParameters is not 8 octets or, for DES, the
    /// ciphertext is not a multiple of 8 octets. The DES plaintext keeps its padding after the
    /// ScopedPDU, which the ScopedPDU's own length delimits. Never throws for bad input.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> localizedKey, int engineBoots, int engineTime, ReadOnlySpan<byte> privacyParameters,
        ReadOnlySpan<byte> encryptedPdu, out byte[] scopedPdu)
    {
        CheckKey(localizedKey);
        SymmetricAlgorithm cipher;
        try { cipher = CreateCipher(localizedKey); }
        catch (CryptographicException) { scopedPdu = []; return false; } // a DES weak key (see CreateCipher)
        using (cipher) return TryDecrypt(cipher, null, localizedKey, engineBoots, engineTime, privacyParameters, encryptedPdu, out scopedPdu);
    }

    /// <summary>A cipher keyed once for one user's localized key, reused under a lock: saves creating one per message.</summary>
    internal UsmCipherContext CreateContext(ReadOnlySpan<byte> localizedKey)
    {
        CheckKey(localizedKey);
        return new UsmCipherContext(this, localizedKey.ToArray());
    }

    /// <summary>
    /// The BCL cipher keyed with the protocol's part of the key: DES with octets 0..7, AES-128 with 0..15.
    /// .NET refuses DES weak and semi-weak keys (CryptographicException); a localized key is one with
    /// probability about 2^-52.
    /// </summary>
    internal SymmetricAlgorithm CreateCipher(ReadOnlySpan<byte> localizedKey)
    {
        SymmetricAlgorithm cipher = _cipher switch
        {
            Cipher.DesCbc => DES.Create(),
            Cipher.AesCfb128 => Aes.Create(),
            _ => throw new InvalidOperationException($"{Name} does not encrypt"),
        };
        try { cipher.Key = localizedKey[..(_cipher == Cipher.DesCbc ? 8 : 16)].ToArray(); }
        catch { cipher.Dispose(); throw; }
        return cipher;
    }

    /// <summary>AES's forward block function (ECB, no padding), kept by a context so that CFB does not create a native cipher per message.</summary>
    internal ICryptoTransform? CreateBlockEncryptor(SymmetricAlgorithm cipher)
    {
        if (_cipher != Cipher.AesCfb128) return null;
        cipher.Mode = CipherMode.ECB;
        cipher.Padding = PaddingMode.None;
        return cipher.CreateEncryptor();
    }

    internal UsmEncryptedPdu Encrypt(SymmetricAlgorithm cipher, ICryptoTransform? block, ReadOnlySpan<byte> localizedKey, int engineBoots, int engineTime, ReadOnlySpan<byte> scopedPdu, IUsmSaltSource saltSource)
    {
        ArgumentNullException.ThrowIfNull(saltSource);
        ulong counter = saltSource.NextSalt();
        var salt = new byte[8];
        switch (_cipher)
        {
            case Cipher.DesCbc:
            {
                BinaryPrimitives.WriteInt32BigEndian(salt, engineBoots);
                BinaryPrimitives.WriteUInt32BigEndian(salt.AsSpan(4), unchecked((uint)counter));
                Span<byte> iv = stackalloc byte[8];
                DesIv(localizedKey, salt, iv);
                // RFC 3414 §8.1.1.2: pad to a multiple of 8; "the actual pad value is irrelevant".
                int padded = (scopedPdu.Length + 7) / 8 * 8;
                var plain = new byte[padded];
                scopedPdu.CopyTo(plain);
                return new UsmEncryptedPdu(cipher.EncryptCbc(plain, iv, PaddingMode.None), salt);
            }
            case Cipher.AesCfb128:
            {
                BinaryPrimitives.WriteUInt64BigEndian(salt, counter);
                Span<byte> iv = stackalloc byte[16];
                AesIv(engineBoots, engineTime, salt, iv);
                return new UsmEncryptedPdu(AesCfb(cipher, block, iv, scopedPdu, encrypt: true), salt);
            }
            default: throw new InvalidOperationException($"{Name} does not encrypt");
        }
    }

    internal bool TryDecrypt(SymmetricAlgorithm cipher, ICryptoTransform? block, ReadOnlySpan<byte> localizedKey, int engineBoots, int engineTime, ReadOnlySpan<byte> privacyParameters,
        ReadOnlySpan<byte> encryptedPdu, out byte[] scopedPdu)
    {
        scopedPdu = [];
        if (privacyParameters.Length != PrivacyParametersLength) return false;
        switch (_cipher)
        {
            case Cipher.DesCbc:
            {
                // RFC 3414 §8.3.2 step 2: "If the encryptedPDU cannot be decrypted (e.g., its length is not a multiple of 8 octets)".
                if (encryptedPdu.Length % 8 != 0) return false;
                Span<byte> iv = stackalloc byte[8];
                DesIv(localizedKey, privacyParameters, iv);
                scopedPdu = cipher.DecryptCbc(encryptedPdu, iv, PaddingMode.None);
                return true;
            }
            case Cipher.AesCfb128:
            {
                Span<byte> iv = stackalloc byte[16];
                AesIv(engineBoots, engineTime, privacyParameters, iv);
                scopedPdu = AesCfb(cipher, block, iv, encryptedPdu, encrypt: false);
                return true;
            }
            default: throw new InvalidOperationException($"{Name} does not encrypt");
        }
    }

    static void DesIv(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        // RFC 3414 §8.1.1.1: the last 8 octets of the 16-octet secret are the pre-IV; IV = pre-IV XOR salt.
        for (int i = 0; i < 8; i++) iv[i] = (byte)(key[8 + i] ^ salt[i]);
    }

    static void AesIv(int boots, int time, ReadOnlySpan<byte> salt, Span<byte> iv)
    {
        // RFC 3826 §3.1.2.1: IV = msgAuthoritativeEngineBoots || msgAuthoritativeEngineTime || salt, each big-endian.
        BinaryPrimitives.WriteInt32BigEndian(iv, boots);
        BinaryPrimitives.WriteInt32BigEndian(iv[4..], time);
        salt.CopyTo(iv[8..]);
    }

    /// <summary>
    /// CFB with a 128-bit segment over any length: .NET's CFB works on whole blocks, and in CFB a
    /// ciphertext prefix depends only on the plaintext prefix (and vice versa), so the input is
    /// zero-extended to a whole block and the output cut back to the input's length (RFC 3826 §3.1.3:
    /// no padding on the wire).
    /// </summary>
    static byte[] AesCfb(SymmetricAlgorithm aes, ICryptoTransform? block, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        if (block is not null) return AesCfb(block, iv, input, encrypt);
        int whole = (input.Length + 15) / 16 * 16;
        byte[] result = new byte[input.Length];
        if (whole == input.Length)
        {
            if (encrypt) aes.EncryptCfb(input, iv, result, PaddingMode.None, 128);
            else aes.DecryptCfb(input, iv, result, PaddingMode.None, 128);
            return result;
        }
        byte[] extended = new byte[whole];
        input.CopyTo(extended);
        byte[] output = new byte[whole];
        if (encrypt) aes.EncryptCfb(extended, iv, output, PaddingMode.None, 128);
        else aes.DecryptCfb(extended, iv, output, PaddingMode.None, 128);
        output.AsSpan(0, input.Length).CopyTo(result);
        return result;
    }

    /// <summary>
    /// The same CFB-128 (NIST SP 800-38A §6.3) from the block function alone: each keystream block is
    /// E(previous ciphertext block), E(IV) first; the output is the input XOR the keystream, and the
    /// last block is cut to the input's length. Both directions use E, so one cached encryptor serves.
    /// </summary>
    static byte[] AesCfb(ICryptoTransform block, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input, bool encrypt)
    {
        byte[] result = new byte[input.Length];
        byte[] feedback = iv.ToArray();
        byte[] keystream = new byte[16];
        for (int at = 0; at < input.Length; at += 16)
        {
            block.TransformBlock(feedback, 0, 16, keystream, 0);
            int n = Math.Min(16, input.Length - at);
            for (int i = 0; i < n; i++) result[at + i] = (byte)(input[at + i] ^ keystream[i]);
            if (n == 16) (encrypt ? result.AsSpan(at, 16) : input.Slice(at, 16)).CopyTo(feedback);
        }
        return result;
    }

    void CheckKey(ReadOnlySpan<byte> key)
    {
        if (!Encrypts) throw new InvalidOperationException($"{Name} does not encrypt");
        if (key.Length < KeyLength) throw new ArgumentException($"{Name} needs a localized privacy key of at least {KeyLength} octets, not {key.Length}", nameof(key));
    }

    public override string ToString() => Name;
}

/// <summary>A cipher keyed once for one user's localized privacy key, reused under a lock (a SymmetricAlgorithm is not thread-safe).</summary>
internal sealed class UsmCipherContext(UsmPrivProtocol protocol, byte[] localizedKey)
{
    readonly Lock _gate = new();
    SymmetricAlgorithm? _cipher;
    ICryptoTransform? _block;
    bool _unusable;

    public UsmEncryptedPdu Encrypt(int engineBoots, int engineTime, ReadOnlySpan<byte> scopedPdu, IUsmSaltSource saltSource)
    {
        lock (_gate)
        {
            if (_cipher is null) { _cipher = protocol.CreateCipher(localizedKey); _block = protocol.CreateBlockEncryptor(_cipher); }
            return protocol.Encrypt(_cipher, _block, localizedKey, engineBoots, engineTime, scopedPdu, saltSource);
        }
    }

    public bool TryDecrypt(int engineBoots, int engineTime, ReadOnlySpan<byte> privacyParameters, ReadOnlySpan<byte> encryptedPdu, out byte[] scopedPdu)
    {
        lock (_gate)
        {
            scopedPdu = [];
            if (_unusable) return false;
            try { if (_cipher is null) { _cipher = protocol.CreateCipher(localizedKey); _block = protocol.CreateBlockEncryptor(_cipher); } }
            catch (CryptographicException) { _unusable = true; return false; } // a DES weak key
            return protocol.TryDecrypt(_cipher, _block, localizedKey, engineBoots, engineTime, privacyParameters, encryptedPdu, out scopedPdu);
        }
    }
}
