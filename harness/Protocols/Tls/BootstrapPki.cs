using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EUeConformance.Protocols.Tls;

/// <summary>A certificate chain (leaf first, DER) and the leaf's RSA private key.</summary>
public sealed record PkiCredential(IReadOnlyList<byte[]> Chain, RSA Key)
{
    public X509Certificate2 Leaf => X509CertificateLoader.LoadCertificate(Chain[0]);
    public string Subject => Leaf.Subject;
}

/// <summary>
/// The test PKI of Certificate Bootstrapping (EUE-PROV 6.6.5), made at run time with the BCL's CertificateRequest. The spec
/// leaves the certificate profiles to application specifications (6.6.5 ¶18), so these are lab certificates: a device CA
/// that issues the eUE's client certificate (standing in for the PacketCable manufacturer hierarchy), an operator root that
/// issues the Certificate Bootstrapping Server's certificate (the trust anchor the reference eUE holds), and the defective
/// server certificates the failure scenarios present: one from a root the eUE does not trust, one expired, one whose
/// signature does not verify. Subjects, serial numbers and validity periods are fixed, so the evidence (subjects, issuers,
/// dates) is the same on every run; the RSA keys are made once per process (the BCL takes no seed for them).
/// </summary>
public static class BootstrapPki
{
    public const string ServerName = "cb.example.net";
    static readonly DateTimeOffset From = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset Until = new(2049, 12, 31, 0, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset ExpiredUntil = new(2005, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static readonly Lazy<(X509Certificate2 Cert, RSA Key)> DeviceCaLazy = new(() => Root("CN=EUeConformance Test PacketCable Device Root CA, O=EUeConformance", 0x10));
    static readonly Lazy<(X509Certificate2 Cert, RSA Key)> OperatorCaLazy = new(() => Root("CN=EUeConformance Test Operator Bootstrapping Root CA, O=EUeConformance", 0x20));
    static readonly Lazy<(X509Certificate2 Cert, RSA Key)> RogueCaLazy = new(() => Root("CN=EUeConformance Untrusted Root CA, O=Nobody", 0x30));
    static readonly Lazy<RSA> ServerKey = new(() => RSA.Create(2048));
    static readonly ConcurrentDictionary<string, PkiCredential> Devices = new();

    /// <summary>The root the Certificate Bootstrapping Server trusts for eUE client certificates.</summary>
    public static X509Certificate2 DeviceRoot => DeviceCaLazy.Value.Cert;

    /// <summary>The root the reference eUE trusts for Certificate Bootstrapping Servers.</summary>
    public static X509Certificate2 OperatorRoot => OperatorCaLazy.Value.Cert;

    /// <summary>The eUE's client certificate (subject CN = its MAC address), issued by the device root.</summary>
    public static PkiCredential Device(string eueMac) => Devices.GetOrAdd(eueMac.ToUpperInvariant(), mac =>
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={mac}, OU=eUE, O=EUeConformance reference E-UE", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var ca = DeviceCaLazy.Value;
        using var cert = request.Create(ca.Cert, From, Until, Serial(0x11, mac));
        return new PkiCredential([cert.RawData, ca.Cert.RawData], key);
    });

    /// <summary>The server certificates the Certificate Bootstrapping Server can present.</summary>
    public static PkiCredential Server(ServerCertificate which) => ServerCredentials.GetOrAdd(which, MakeServer);

    static readonly ConcurrentDictionary<ServerCertificate, PkiCredential> ServerCredentials = new();

    static PkiCredential MakeServer(ServerCertificate which)
    {
        var ca = which == ServerCertificate.UntrustedRoot ? RogueCaLazy.Value : OperatorCaLazy.Value;
        var request = new CertificateRequest($"CN={ServerName}, OU=Certificate Bootstrapping Server, O=EUeConformance", ServerKey.Value, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(ServerName);
        request.CertificateExtensions.Add(san.Build());
        var until = which == ServerCertificate.Expired ? ExpiredUntil : Until;
        using var cert = request.Create(ca.Cert, From, until, Serial(0x21, which.ToString()));
        var der = cert.RawData;
        if (which == ServerCertificate.BadSignature)
        {
            // The signature BIT STRING closes the certificate: flipping its last octet breaks the signature and nothing else.
            der = (byte[])der.Clone();
            der[^1] ^= 0x5A;
        }
        return new PkiCredential([der, ca.Cert.RawData], ServerKey.Value);
    }

    static (X509Certificate2, RSA) Root(string subject, byte serial)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return (request.CreateSelfSigned(From, Until), key);
    }

    static byte[] Serial(byte kind, string name)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return [kind, .. hash.AsSpan(0, 8)];
    }

    /// <summary>
    /// RFC 5280 path validation against one trust anchor at <paramref name="at"/> (the device's clock): the chain the peer sent,
    /// signatures, validity periods. Revocation is not checked (no CRL or OCSP in the lab). Returns null when valid, else why not.
    /// </summary>
    public static string? Validate(IReadOnlyList<byte[]> chain, X509Certificate2 anchor, DateTimeOffset at)
    {
        if (chain.Count == 0) return "no certificate";
        X509Certificate2 leaf;
        try { leaf = X509CertificateLoader.LoadCertificate(chain[0]); }
        catch (CryptographicException e) { return $"the certificate does not decode: {e.Message}"; }
        using (leaf)
        using (var x509 = new X509Chain())
        {
            x509.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            x509.ChainPolicy.CustomTrustStore.Add(anchor);
            x509.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            x509.ChainPolicy.VerificationTime = at.UtcDateTime;
            x509.ChainPolicy.VerificationTimeIgnored = false;
            x509.ChainPolicy.DisableCertificateDownloads = true;
            foreach (var der in chain.Skip(1))
            {
                try { x509.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificate(der)); }
                catch (CryptographicException) { }
            }
            if (x509.Build(leaf)) return null;
            var problems = x509.ChainStatus.Select(s => s.Status).Where(s => s != X509ChainStatusFlags.NoError).Distinct().ToList();
            return problems.Count == 0 ? "the chain does not build" : string.Join(", ", problems);
        }
    }
}

/// <summary>Which certificate the Certificate Bootstrapping Server presents.</summary>
public enum ServerCertificate
{
    /// <summary>Issued by the operator root the eUE trusts, valid now.</summary>
    Valid,
    /// <summary>Issued by a root the eUE does not know.</summary>
    UntrustedRoot,
    /// <summary>Issued by the trusted root, expired in 2005.</summary>
    Expired,
    /// <summary>Issued by the trusted root, its signature altered.</summary>
    BadSignature,
}
