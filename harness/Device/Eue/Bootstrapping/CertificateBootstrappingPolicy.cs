namespace EUeConformance.Device.Eue.Bootstrapping;

/// <summary>
/// The eUE's Certificate Bootstrapping decisions (EUE-PROV 6.6.5), each overridable so that a mutant can break exactly one:
/// what starts it (only the management interface or an accepted configuration file, ¶8 bullet 1), the TLS client's cipher
/// suites (¶12-¶14: both mandatory suites, nothing with NULL encryption or NULL MAC), server certificate validation (¶15),
/// the HTTP retrieval of the profile (¶17) and the use of the credentials it delivers (¶17).
/// </summary>
public class CertificateBootstrappingPolicy
{
    /// <summary>The suites the ClientHello offers, in preference order: TLS_RSA_WITH_AES_128_CBC_SHA and TLS_RSA_WITH_3DES_EDE_CBC_SHA.</summary>
    public virtual IReadOnlyList<int> CipherSuites => [Protocols.Tls.CipherSuites.TlsRsaWithAes128CbcSha, Protocols.Tls.CipherSuites.TlsRsaWith3DesEdeCbcSha];

    /// <summary>Whether the server's certificate is validated against the eUE's trust anchor (an invalid one ends the handshake).</summary>
    public virtual bool ValidatesServerCertificate => true;

    /// <summary>Whether a URI in pktcEUECBData alone (pktcEUECBEnable never set true) starts bootstrapping once provisioned.</summary>
    public virtual bool StartsWithoutTrigger => false;

    /// <summary>Whether a configuration-file trigger waits for the file to be accepted (pass / passWithWarnings).</summary>
    public virtual bool WaitsForFileAcceptance => true;

    /// <summary>Whether a SET of pktcEUECBEnable to true over SNMP starts bootstrapping.</summary>
    public virtual bool HonoursManagementTrigger => true;

    /// <summary>Whether the eUE sends the HTTP GET for its profile once the TLS session is up.</summary>
    public virtual bool FetchesProfile => true;

    /// <summary>Whether the delivered credentials replace the eUE's (pktcEUEUsrIMPITable).</summary>
    public virtual bool AppliesCredentials => true;

    /// <summary>What the eUE does once triggered, before the TLS session: nothing (the reference eUE has no SIP stack; a mutant registers first).</summary>
    public virtual Task BeforeSessionAsync(Network.Fabric.INetworkHost host, Mib.EueMib mib, EueIpConfiguration configuration) => Task.CompletedTask;
}
