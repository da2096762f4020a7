using System.Collections.Concurrent;
using System.Text;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// A USM user's secrets as a non-authoritative engine holds them before it knows the authoritative
/// engine: master keys Ku from passwords (RFC 3414 A.2, computed once: 1 MB of digest each), which
/// <see cref="ForEngine"/> localizes for whichever snmpEngineID discovery finds (RFC 3414 §2.6, one
/// digest). Or keys already localized for one engine (PKT-SEC1.5 derives them from the Kerberos
/// session), which only that engine accepts.
/// </summary>
public sealed class UsmCredentials
{
    readonly byte[] _authMasterKey, _privMasterKey;
    readonly UsmUser? _localized;
    readonly ConcurrentDictionary<string, UsmUser> _byEngine = new(StringComparer.Ordinal);

    UsmCredentials(string userName, UsmAuthProtocol auth, byte[] authMasterKey, UsmPrivProtocol priv, byte[] privMasterKey, UsmUser? localized)
    {
        UserName = userName; AuthProtocol = auth; PrivProtocol = priv;
        _authMasterKey = authMasterKey; _privMasterKey = privMasterKey; _localized = localized;
    }

    public string UserName { get; }
    public byte[] UserNameBytes => Encoding.UTF8.GetBytes(UserName);
    public UsmAuthProtocol AuthProtocol { get; }
    public UsmPrivProtocol PrivProtocol { get; }
    /// <summary>The engine the keys are bound to when they were given localized; null when any engine will do.</summary>
    public byte[]? BoundEngineId => _localized?.EngineId;

    /// <summary>The highest level these credentials allow.</summary>
    public UsmSecurityLevel MaxSecurityLevel =>
        PrivProtocol.Encrypts ? UsmSecurityLevel.AuthPriv : AuthProtocol.Authenticates ? UsmSecurityLevel.AuthNoPriv : UsmSecurityLevel.NoAuthNoPriv;

    /// <summary>Credentials from passwords; the password-to-key pass runs here, once.</summary>
    public static UsmCredentials FromPasswords(string userName, UsmAuthProtocol auth, string? authPassword, UsmPrivProtocol? priv = null, string? privPassword = null)
    {
        priv ??= UsmPrivProtocol.None;
        if (priv.Encrypts && !auth.Authenticates) throw new ArgumentException($"{priv.Name} needs an authentication protocol (RFC 3414 §5 usmUserPrivProtocol)", nameof(priv));
        byte[] authKey = auth.Authenticates ? auth.PasswordToKey(authPassword ?? throw new ArgumentNullException(nameof(authPassword))) : [];
        byte[] privKey = priv.Encrypts ? auth.PasswordToKey(privPassword ?? throw new ArgumentNullException(nameof(privPassword))) : [];
        return new(userName, auth, authKey, priv, privKey, null);
    }

    /// <summary>Credentials without authentication or privacy (noAuthNoPriv).</summary>
    public static UsmCredentials WithoutSecurity(string userName) => new(userName, UsmAuthProtocol.None, [], UsmPrivProtocol.None, [], null);

    /// <summary>Keys already localized for <paramref name="engineId"/>, used as given.</summary>
    public static UsmCredentials FromLocalizedKeys(string userName, ReadOnlySpan<byte> engineId, UsmAuthProtocol auth, ReadOnlySpan<byte> authKey,
        UsmPrivProtocol? priv = null, ReadOnlySpan<byte> privKey = default)
    {
        var user = UsmUser.FromLocalizedKeys(userName, engineId, auth, authKey, priv, privKey);
        return new(userName, auth, [], user.PrivProtocol, [], user);
    }

    /// <summary>The user with keys localized for <paramref name="engineId"/> (cached per engine).</summary>
    public UsmUser ForEngine(ReadOnlySpan<byte> engineId)
    {
        if (_localized is not null)
            return _localized.EngineId.AsSpan().SequenceEqual(engineId) ? _localized
                : throw new InvalidOperationException($"{UserName}'s keys are localized for {Convert.ToHexString(_localized.EngineId)}, not {Convert.ToHexString(engineId)}");
        string key = Convert.ToHexString(engineId);
        if (_byEngine.TryGetValue(key, out var user)) return user;
        byte[] id = engineId.ToArray();
        return _byEngine.GetOrAdd(key, _ => AuthProtocol.Authenticates
            ? UsmUser.FromMasterKeys(UserName, id, AuthProtocol, _authMasterKey, PrivProtocol, _privMasterKey)
            : UsmUser.WithoutSecurity(UserName, id));
    }

    public override string ToString() => $"{UserName} {AuthProtocol.Name}/{PrivProtocol.Name}";
}
