using System.Security.Cryptography;
using System.Text;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// One row of the usmUserTable (RFC 3414 §5: usmUserEngineID, usmUserName, usmUserAuthProtocol and
/// key, usmUserPrivProtocol and key), with keys already localized for <see cref="EngineId"/>, the
/// authoritative engine of the messages they protect. Built from passwords (RFC 3414 A.2 password to
/// key, then localization), from master keys Ku (localization only), or from localized keys given
/// directly, as the secure provisioning flow derives them from Kerberos (PKT-SEC1.5).
/// </summary>
public sealed class UsmUser
{
    UsmUser(byte[] userName, byte[] engineId, UsmAuthProtocol auth, byte[] authKey, UsmPrivProtocol priv, byte[] privKey)
    {
        if (userName.Length is 0 or > UsmSecurityParameters.MaxUserNameLength)
            throw new ArgumentException($"usmUserName is 1..{UsmSecurityParameters.MaxUserNameLength} octets (RFC 3414 §5 usmUserName SIZE(1..32)), not {userName.Length}", nameof(userName));
        if (engineId.Length is < UsmSecurityParameters.MinEngineIdLength or > UsmSecurityParameters.MaxEngineIdLength)
            throw new ArgumentException($"usmUserEngineID is an snmpEngineID of {UsmSecurityParameters.MinEngineIdLength}..{UsmSecurityParameters.MaxEngineIdLength} octets, not {engineId.Length}", nameof(engineId));
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(priv);
        // SNMP-USER-BASED-SM-MIB usmUserPrivProtocol: privacy needs authentication.
        if (priv.Encrypts && !auth.Authenticates) throw new ArgumentException($"{priv.Name} needs an authentication protocol (RFC 3414 §5 usmUserPrivProtocol)", nameof(priv));
        if (auth.Authenticates && authKey.Length != auth.KeyLength)
            throw new ArgumentException($"{auth.Name} takes a {auth.KeyLength}-octet localized key, not {authKey.Length}", nameof(authKey));
        if (priv.Encrypts && privKey.Length < priv.KeyLength)
            throw new ArgumentException($"{priv.Name} takes a localized key of at least {priv.KeyLength} octets, not {privKey.Length}", nameof(privKey));
        UserName = userName; EngineId = engineId; AuthProtocol = auth; AuthKey = authKey; PrivProtocol = priv; PrivKey = privKey;
    }

    public byte[] UserName { get; }
    public string Name => Encoding.UTF8.GetString(UserName);
    /// <summary>The authoritative snmpEngineID the keys are localized for.</summary>
    public byte[] EngineId { get; }
    public UsmAuthProtocol AuthProtocol { get; }
    /// <summary>The localized authentication key Kul (16 octets MD5, 20 SHA-1); empty without authentication.</summary>
    public byte[] AuthKey { get; }
    public UsmPrivProtocol PrivProtocol { get; }
    /// <summary>The localized privacy key (as long as the auth digest; DES and AES-128 use its first 16 octets); empty without privacy.</summary>
    public byte[] PrivKey { get; }

    // Keyed crypto contexts, created on first use and reused (each under its own lock): creating an
    // HMAC or cipher context costs more than using it on a 100-octet message.
    UsmMacContext? _mac;
    UsmCipherContext? _cipher;
    UsmMacContext Mac => _mac ??= AuthProtocol.CreateContext(AuthKey);
    UsmCipherContext Cipher => _cipher ??= PrivProtocol.CreateContext(PrivKey);

    /// <summary><see cref="UsmAuthProtocol.Sign"/> with this user's localized key.</summary>
    public void Sign(Span<byte> wholeMessage, int authenticationParametersOffset) => Mac.Sign(wholeMessage, authenticationParametersOffset);

    /// <summary><see cref="UsmAuthProtocol.Verify"/> with this user's localized key.</summary>
    public bool Verify(ReadOnlySpan<byte> wholeMessage, int authenticationParametersOffset) => Mac.Verify(wholeMessage, authenticationParametersOffset);

    /// <summary><see cref="UsmPrivProtocol.Encrypt"/> with this user's localized privacy key.</summary>
    public UsmEncryptedPdu Encrypt(int engineBoots, int engineTime, ReadOnlySpan<byte> scopedPdu, IUsmSaltSource saltSource) =>
        Cipher.Encrypt(engineBoots, engineTime, scopedPdu, saltSource);

    /// <summary><see cref="UsmPrivProtocol.TryDecrypt"/> with this user's localized privacy key.</summary>
    public bool TryDecrypt(int engineBoots, int engineTime, ReadOnlySpan<byte> privacyParameters, ReadOnlySpan<byte> encryptedPdu, out byte[] scopedPdu) =>
        Cipher.TryDecrypt(engineBoots, engineTime, privacyParameters, encryptedPdu, out scopedPdu);

    /// <summary>RFC 3414 §3.2 step 5: can this user receive or send at <paramref name="level"/>?</summary>
    public bool Supports(UsmSecurityLevel level) =>
        (!level.Authenticates() || AuthProtocol.Authenticates) && (!level.Encrypts() || PrivProtocol.Encrypts);

    /// <summary>The highest level the user's protocols allow.</summary>
    public UsmSecurityLevel MaxSecurityLevel =>
        PrivProtocol.Encrypts ? UsmSecurityLevel.AuthPriv : AuthProtocol.Authenticates ? UsmSecurityLevel.AuthNoPriv : UsmSecurityLevel.NoAuthNoPriv;

    /// <summary>A user without authentication or privacy (noAuthNoPriv only).</summary>
    public static UsmUser WithoutSecurity(string userName, ReadOnlySpan<byte> engineId) =>
        new(Encoding.UTF8.GetBytes(userName), engineId.ToArray(), UsmAuthProtocol.None, [], UsmPrivProtocol.None, []);

    /// <summary>
    /// Keys from passwords, localized for <paramref name="engineId"/> (RFC 3414 A.2). The privacy key
    /// uses the authentication protocol's digest (RFC 3414 §2.6, RFC 3826 §1.2). Costs two passes of
    /// the 1 MB password expansion: build users once, not per message.
    /// </summary>
    public static UsmUser FromPasswords(string userName, ReadOnlySpan<byte> engineId,
        UsmAuthProtocol auth, string? authPassword, UsmPrivProtocol? priv = null, string? privPassword = null)
    {
        priv ??= UsmPrivProtocol.None;
        byte[] authKey = auth.Authenticates ? auth.LocalizedKeyFromPassword(authPassword ?? throw new ArgumentNullException(nameof(authPassword)), engineId) : [];
        byte[] privKey = priv.Encrypts && auth.Authenticates ? auth.LocalizedKeyFromPassword(privPassword ?? throw new ArgumentNullException(nameof(privPassword)), engineId) : [];
        return new UsmUser(Encoding.UTF8.GetBytes(userName), engineId.ToArray(), auth, authKey, priv, privKey);
    }

    /// <summary>Keys from master keys Ku (the output of password-to-key, or keys agreed elsewhere), localized for <paramref name="engineId"/>.</summary>
    public static UsmUser FromMasterKeys(string userName, ReadOnlySpan<byte> engineId,
        UsmAuthProtocol auth, ReadOnlySpan<byte> authMasterKey, UsmPrivProtocol? priv = null, ReadOnlySpan<byte> privMasterKey = default)
    {
        priv ??= UsmPrivProtocol.None;
        byte[] authKey = auth.Authenticates ? auth.LocalizeKey(authMasterKey, engineId) : [];
        byte[] privKey = priv.Encrypts && auth.Authenticates ? auth.LocalizeKey(privMasterKey, engineId) : [];
        return new UsmUser(Encoding.UTF8.GetBytes(userName), engineId.ToArray(), auth, authKey, priv, privKey);
    }

    /// <summary>Keys already localized for <paramref name="engineId"/>, used as given (e.g. derived from a Kerberos session, PKT-SEC1.5).</summary>
    public static UsmUser FromLocalizedKeys(string userName, ReadOnlySpan<byte> engineId,
        UsmAuthProtocol auth, ReadOnlySpan<byte> authKey, UsmPrivProtocol? priv = null, ReadOnlySpan<byte> privKey = default) =>
        FromLocalizedKeys(Encoding.UTF8.GetBytes(userName), engineId, auth, authKey, priv, privKey);

    public static UsmUser FromLocalizedKeys(byte[] userName, ReadOnlySpan<byte> engineId,
        UsmAuthProtocol auth, ReadOnlySpan<byte> authKey, UsmPrivProtocol? priv = null, ReadOnlySpan<byte> privKey = default) =>
        new((byte[])userName.Clone(), engineId.ToArray(), auth, authKey.ToArray(), priv ?? UsmPrivProtocol.None, privKey.ToArray());

    /// <summary>The user's name, engine and protocols; keys are never shown (evidence files must not leak them).</summary>
    public override string ToString() =>
        $"{Name}@{Convert.ToHexString(EngineId).ToLowerInvariant()} {AuthProtocol.Name}/{PrivProtocol.Name} (key fingerprint {Fingerprint()})";

    string Fingerprint()
    {
        Span<byte> h = stackalloc byte[32];
        SHA256.HashData([.. AuthKey, .. PrivKey], h);
        return Convert.ToHexString(h[..4]).ToLowerInvariant();
    }
}
