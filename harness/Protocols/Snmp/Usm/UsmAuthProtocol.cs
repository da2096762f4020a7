using System.Buffers;
using System.Security.Cryptography;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// A USM authentication protocol as data (the way Kea describes options): its name and object
/// identifier from SNMP-USER-BASED-SM-MIB / SNMP-FRAMEWORK-MIB, its digest, its key length and the
/// length of the MAC it puts in msgAuthenticationParameters. <see cref="Sign"/> and <see cref="Verify"/>
/// implement the HMAC-96 mechanisms of RFC 3414 §6 (HMAC-MD5-96) and §7 (HMAC-SHA-96).
/// </summary>
public sealed class UsmAuthProtocol
{
    UsmAuthProtocol(string name, string oid, HashAlgorithmName? hash, int keyLength, int macLength)
    {
        Name = name; Oid = oid; Hash = hash; KeyLength = keyLength; MacLength = macLength;
    }

    public string Name { get; }
    public string Oid { get; }
    /// <summary>The digest used for HMAC and for password-to-key and localization; null for usmNoAuthProtocol.</summary>
    public HashAlgorithmName? Hash { get; }
    /// <summary>The localized authentication key's length: 16 (MD5) or 20 (SHA-1) octets (RFC 3414 §6.2, §7.2).</summary>
    public int KeyLength { get; }
    /// <summary>Octets of msgAuthenticationParameters: 12, the first 96 bits of the HMAC (RFC 3414 §6.3.1, §7.3.1); 0 without authentication.</summary>
    public int MacLength { get; }
    public bool Authenticates => Hash is not null;

    /// <summary>usmNoAuthProtocol (RFC 3414 §5 SNMP-FRAMEWORK-MIB snmpAuthProtocols.1).</summary>
    public static UsmAuthProtocol None { get; } = new("usmNoAuthProtocol", "1.3.6.1.6.3.10.1.1.1", null, 0, 0);
    /// <summary>usmHMACMD5AuthProtocol, HMAC-MD5-96 (RFC 3414 §6).</summary>
    public static UsmAuthProtocol HmacMd5 { get; } = new("usmHMACMD5AuthProtocol", "1.3.6.1.6.3.10.1.1.2", HashAlgorithmName.MD5, 16, 12);
    /// <summary>usmHMACSHAAuthProtocol, HMAC-SHA-96 (RFC 3414 §7).</summary>
    public static UsmAuthProtocol HmacSha { get; } = new("usmHMACSHAAuthProtocol", "1.3.6.1.6.3.10.1.1.3", HashAlgorithmName.SHA1, 20, 12);

    public static IReadOnlyList<UsmAuthProtocol> All { get; } = [None, HmacMd5, HmacSha];

    public static UsmAuthProtocol? FromOid(string oid) => All.FirstOrDefault(p => p.Oid == oid);
    public static UsmAuthProtocol? FromName(string name) => All.FirstOrDefault(p => p.Name == name);

    // ---------------------------------------------------------------- keys

    /// <summary>Ku from a password (RFC 3414 A.2.1 / A.2.2).</summary>
    public byte[] PasswordToKey(string password) => UsmKeys.PasswordToKey(RequireHash(), password);

    /// <summary>Kul = digest(Ku || engineID || Ku) (RFC 3414 §2.6).</summary>
    public byte[] LocalizeKey(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> engineId) => UsmKeys.Localize(RequireHash(), masterKey, engineId);

    public byte[] LocalizedKeyFromPassword(string password, ReadOnlySpan<byte> engineId) => UsmKeys.LocalizedKeyFromPassword(RequireHash(), password, engineId);

    HashAlgorithmName RequireHash() => Hash ?? throw new InvalidOperationException($"{Name} has no keys");

    // ---------------------------------------------------------------- MAC

    /// <summary>
    /// RFC 3414 §6.3.1 / §7.3.1: computes HMAC over <paramref name="wholeMessage"/> with the
    /// <see cref="MacLength"/> octets at <paramref name="authenticationParametersOffset"/> zeroed,
    /// and writes the first 12 octets of it there.
    /// </summary>
    public void Sign(ReadOnlySpan<byte> localizedKey, Span<byte> wholeMessage, int authenticationParametersOffset)
    {
        CheckKey(localizedKey);
        using var hmac = IncrementalHash.CreateHMAC(Hash!.Value, localizedKey);
        Sign(hmac, wholeMessage, authenticationParametersOffset);
    }

    /// <summary>
    /// RFC 3414 §6.3.2 / §7.3.2: recomputes the HMAC over the message with the received MAC zeroed
    /// and compares its first 12 octets with the received ones in constant time. False when the MAC
    /// does not match or does not fit in the message; the message is not modified.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> localizedKey, ReadOnlySpan<byte> wholeMessage, int authenticationParametersOffset)
    {
        CheckKey(localizedKey);
        using var hmac = IncrementalHash.CreateHMAC(Hash!.Value, localizedKey);
        return Verify(hmac, wholeMessage, authenticationParametersOffset);
    }

    /// <summary>A keyed HMAC context that can be reused (under its lock): saves creating one per message.</summary>
    internal UsmMacContext CreateContext(ReadOnlySpan<byte> localizedKey)
    {
        CheckKey(localizedKey);
        return new UsmMacContext(this, IncrementalHash.CreateHMAC(Hash!.Value, localizedKey));
    }

    internal void Sign(IncrementalHash hmac, Span<byte> wholeMessage, int authenticationParametersOffset)
    {
        CheckPlace(wholeMessage.Length, authenticationParametersOffset);
        var place = wholeMessage.Slice(authenticationParametersOffset, MacLength);
        place.Clear();
        Span<byte> mac = stackalloc byte[20];
        hmac.AppendData(wholeMessage);
        hmac.GetHashAndReset(mac);
        mac[..MacLength].CopyTo(place);
    }

    internal bool Verify(IncrementalHash hmac, ReadOnlySpan<byte> wholeMessage, int authenticationParametersOffset)
    {
        if (authenticationParametersOffset < 0 || authenticationParametersOffset > wholeMessage.Length - MacLength) return false;
        // A zeroed copy (one digest update is cheaper than three on small messages); the input stays as received.
        byte[]? rented = wholeMessage.Length > 2048 ? ArrayPool<byte>.Shared.Rent(wholeMessage.Length) : null;
        try
        {
            Span<byte> zeroed = rented is null ? stackalloc byte[wholeMessage.Length] : rented.AsSpan(0, wholeMessage.Length);
            wholeMessage.CopyTo(zeroed);
            zeroed.Slice(authenticationParametersOffset, MacLength).Clear();
            Span<byte> mac = stackalloc byte[20];
            hmac.AppendData(zeroed);
            hmac.GetHashAndReset(mac);
            return CryptographicOperations.FixedTimeEquals(mac[..MacLength], wholeMessage.Slice(authenticationParametersOffset, MacLength));
        }
        finally { if (rented is not null) ArrayPool<byte>.Shared.Return(rented); }
    }

    void CheckKey(ReadOnlySpan<byte> key)
    {
        if (!Authenticates) throw new InvalidOperationException($"{Name} does not authenticate");
        if (key.Length != KeyLength) throw new ArgumentException($"{Name} takes a {KeyLength}-octet localized key, not {key.Length}", nameof(key));
    }

    void CheckPlace(int messageLength, int offset)
    {
        if (offset < 0 || offset > messageLength - MacLength)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"the {MacLength} octets of msgAuthenticationParameters must lie inside the {messageLength}-octet message");
    }

    public override string ToString() => Name;
}

/// <summary>An HMAC keyed once for one user's localized key, reused under a lock (IncrementalHash is not thread-safe).</summary>
internal sealed class UsmMacContext(UsmAuthProtocol protocol, IncrementalHash hmac)
{
    readonly Lock _gate = new();

    public void Sign(Span<byte> wholeMessage, int authenticationParametersOffset)
    {
        lock (_gate) protocol.Sign(hmac, wholeMessage, authenticationParametersOffset);
    }

    public bool Verify(ReadOnlySpan<byte> wholeMessage, int authenticationParametersOffset)
    {
        lock (_gate) return protocol.Verify(hmac, wholeMessage, authenticationParametersOffset);
    }
}
