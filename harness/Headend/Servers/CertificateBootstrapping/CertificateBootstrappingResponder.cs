using EUeConformance.Protocols.Tls;

namespace EUeConformance.Headend.Servers.CertificateBootstrapping;

/// <summary>
/// How the Certificate Bootstrapping Server (EUE-PROV 6.6.5) behaves, scriptable per scenario before the device starts: the
/// certificate it presents (valid, from an untrusted root, expired, with a broken signature), the cipher suites it will select
/// (6.6.5 ¶12: both mandatory suites by default; one alone to prove the eUE completes a handshake with each), a suite it
/// forces into its ServerHello whatever the client offered (to see whether the eUE aborts on a NULL suite), and the device
/// profile it serves at <see cref="ProfilePath"/>.
/// </summary>
public sealed class CertificateBootstrappingResponder
{
    public const string Service = "cb";

    /// <summary>The users of the default profile: credentials that differ from any a configuration file of the lab gives.</summary>
    public static readonly BootstrapProfile DefaultProfile = new([new BootstrapUser("cb-user1@example.net", "sip:cb-user1@example.net", "cb-secret-1")]);

    public ServerCertificate Certificate { get; set; } = ServerCertificate.Valid;

    /// <summary>The suites the server selects from, in its order of preference.</summary>
    public IReadOnlyList<int> CipherSuites { get; set; } = [Protocols.Tls.CipherSuites.TlsRsaWithAes128CbcSha, Protocols.Tls.CipherSuites.TlsRsaWith3DesEdeCbcSha];

    /// <summary>
    /// Misbehaviour: answer every ClientHello with a ServerHello naming this suite, offered or not, followed by the server's
    /// Certificate, a CertificateRequest and ServerHelloDone; then watch whether the client goes on (Certificate,
    /// ClientKeyExchange) or aborts (an alert, or closing). No session can follow (the server does not compute keys).
    /// </summary>
    public int? ForcedSuite { get; set; }

    /// <summary>The path the profile is served at (the path of the URI in pktcEUECBData).</summary>
    public string ProfilePath { get; set; } = "/cb/profile.xml";

    public BootstrapProfile Profile { get; set; } = DefaultProfile;
}
