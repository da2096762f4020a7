using System.Security.Cryptography;
using System.Text;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// RFC 3414 §2.6 and Appendix A.2: the password-to-key algorithm and key localization, for the
/// digest of an authentication protocol (MD5 for usmHMACMD5AuthProtocol, SHA-1 for
/// usmHMACSHAAuthProtocol). The privacy key is derived with the same digest as the user's
/// authentication key (RFC 3414 §2.6; RFC 3826 §1.2).
/// </summary>
public static class UsmKeys
{
    /// <summary>A.2.1/A.2.2: the digest runs over 1 Megabyte (1,048,576 octets) of the repeated password.</summary>
    public const int PasswordExpansionLength = 1_048_576;

    /// <summary>
    /// Ku: the digest of 1,048,576 octets formed by repeating the password (A.2.1 MD5, A.2.2 SHA),
    /// fed 64 octets at a time as the RFC's sample code does.
    /// </summary>
    public static byte[] PasswordToKey(HashAlgorithmName hash, ReadOnlySpan<byte> password)
    {
        if (password.IsEmpty) throw new ArgumentException("the password-to-key algorithm needs a non-empty password (RFC 3414 §11.2 recommends at least 8 characters)", nameof(password));
        // A window of 64 + |password| repeated octets: every 64-octet chunk of the infinite repetition
        // starts at offset (i·64) mod |password| of it.
        int len = password.Length;
        var ring = new byte[64 + len];
        for (int i = 0; i < ring.Length; i++) ring[i] = password[i % len];
        using var digest = IncrementalHash.CreateHash(hash);
        int start = 0;
        for (int done = 0; done < PasswordExpansionLength; done += 64)
        {
            digest.AppendData(ring, start, 64);
            start = (start + 64) % len;
        }
        return digest.GetHashAndReset();
    }

    public static byte[] PasswordToKey(HashAlgorithmName hash, string password) => PasswordToKey(hash, Encoding.UTF8.GetBytes(password));

    /// <summary>Kul = digest(Ku || snmpEngineID || Ku) (RFC 3414 §2.6, A.2.1/A.2.2 second part).</summary>
    public static byte[] Localize(HashAlgorithmName hash, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> engineId)
    {
        if (masterKey.IsEmpty) throw new ArgumentException("an empty key cannot be localized", nameof(masterKey));
        using var digest = IncrementalHash.CreateHash(hash);
        digest.AppendData(masterKey);
        digest.AppendData(engineId);
        digest.AppendData(masterKey);
        return digest.GetHashAndReset();
    }

    public static byte[] LocalizedKeyFromPassword(HashAlgorithmName hash, string password, ReadOnlySpan<byte> engineId) =>
        Localize(hash, PasswordToKey(hash, password), engineId);
}
