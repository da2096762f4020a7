using System.Globalization;
using System.Net;
using System.Text;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Tls;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace EUeConformance.Device.Eue.Bootstrapping;

/// <summary>What one bootstrapping attempt came to.</summary>
public sealed record BootstrapResult(bool Ok, string Stage, string Detail, int? CipherSuite = null, byte[]? Body = null)
{
    public static BootstrapResult Fail(string stage, string detail, int? suite = null) => new(false, stage, detail, suite);
}

/// <summary>
/// The eUE's side of the Certificate Bootstrapping interface (EUE-PROV 6.6.5 ¶11-¶17): a TLS client (RFC 2246 and its
/// successors; versions 1.0 to 1.2 offered) with mutual certificate authentication over one TCP connection of the fabric,
/// then one HTTP/1.1 GET of the device profile inside the session. The TLS engine is BouncyCastle's (BouncyCastle.Cryptography,
/// Org.BouncyCastle.Tls) in its non-blocking mode: the engine only turns bytes into bytes, and this class moves them over the
/// fabric's stream, so every read and timer stays on the fabric's clock (virtual time in simulation). BouncyCastle is used
/// rather than SslStream because the cipher suites must be exactly the ones the policy names, including
/// TLS_RSA_WITH_3DES_EDE_CBC_SHA with plain RSA key exchange, which the platform's TLS (OpenSSL's defaults) does not offer.
/// </summary>
public sealed class CertificateBootstrapClient(INetworkHost host, TimeProvider clock, DeviceTimers timers, CertificateBootstrappingPolicy policy,
    PkiCredential device, System.Security.Cryptography.X509Certificates.X509Certificate2 trustAnchor, int seed)
{
    public async Task<BootstrapResult> FetchAsync(IPEndPoint server, Uri uri, Action<string> note)
    {
        using var timeout = new CancellationTokenSource(timers.HttpTimeout, clock);
        var token = timeout.Token;
        var random = SecureRandom.GetInstance("SHA256PRNG", false);
        random.SetSeed(BitConverter.GetBytes((long)seed * 7919 + server.Port));
        var crypto = new BcTlsCrypto(random);
        var client = new Client(crypto, policy, device, trustAnchor, clock);
        var protocol = new TlsClientProtocol();
        IStreamConnection connection;
        try { connection = await host.ConnectTcpAsync(server, token); }
        catch (OperationCanceledException) { return BootstrapResult.Fail("connect", "timed out"); }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return BootstrapResult.Fail("connect", e.Message);
        }
        await using var _ = connection;
        var stream = connection.Stream;
        var buffer = new byte[16384];
        try
        {
            protocol.Connect(client);
            await FlushAsync(protocol, stream, token);
            while (!client.Completed)
            {
                int n = await stream.ReadAsync(buffer, token);
                if (n == 0) return BootstrapResult.Fail("tls", "the server closed the connection during the handshake", client.Selected);
                try { protocol.OfferInput(buffer, 0, n); }
                finally { await FlushAsync(protocol, stream, token); }
            }
            note($"TLS session up: {CipherSuites.Describe(client.Selected ?? -1)}, server {client.ServerSubject}");
            if (!policy.FetchesProfile)
            {
                protocol.Close();
                await FlushAsync(protocol, stream, token);
                return BootstrapResult.Fail("http", "no profile requested", client.Selected);
            }
            string port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
            var request = Encoding.ASCII.GetBytes($"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Host}{port}\r\nConnection: close\r\nAccept: application/xml\r\nUser-Agent: EUeConformance-reference-eUE\r\n\r\n");
            protocol.WriteApplicationData(request, 0, request.Length);
            await FlushAsync(protocol, stream, token);
            var response = new MemoryStream();
            while (!HttpComplete(response.ToArray()))
            {
                int n = await stream.ReadAsync(buffer, token);
                if (n == 0) break;
                protocol.OfferInput(buffer, 0, n);
                while (protocol.GetAvailableInputBytes() > 0)
                {
                    var plain = new byte[protocol.GetAvailableInputBytes()];
                    int got = protocol.ReadInput(plain, 0, plain.Length);
                    response.Write(plain, 0, got);
                }
                await FlushAsync(protocol, stream, token);
                if (protocol.IsClosed) break;
            }
            if (!protocol.IsClosed) { protocol.Close(); await FlushAsync(protocol, stream, token); }
            return Parse(response.ToArray(), client.Selected);
        }
        catch (TlsFatalAlert e)
        {
            return BootstrapResult.Fail("tls", $"handshake aborted: {AlertDescription.GetText(e.AlertDescription)} ({e.Message})", client.Selected);
        }
        catch (TlsFatalAlertReceived e)
        {
            return BootstrapResult.Fail("tls", $"the server sent alert {AlertDescription.GetText(e.AlertDescription)}", client.Selected);
        }
        catch (TlsException e) { return BootstrapResult.Fail("tls", e.Message, client.Selected); }
        catch (OperationCanceledException) { return BootstrapResult.Fail(client.Completed ? "http" : "tls", "timed out", client.Selected); }
        catch (IOException e) { return BootstrapResult.Fail(client.Completed ? "http" : "tls", e.Message, client.Selected); }
    }

    static async Task FlushAsync(TlsClientProtocol protocol, Stream stream, CancellationToken token)
    {
        int available = protocol.GetAvailableOutputBytes();
        if (available == 0) return;
        var bytes = new byte[available];
        int n = protocol.ReadOutput(bytes, 0, available);
        await stream.WriteAsync(bytes.AsMemory(0, n), token);
        await stream.FlushAsync(token);
    }

    static bool HttpComplete(byte[] response)
    {
        int end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) return false;
        var length = Encoding.ASCII.GetString(response, 0, end).Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && int.TryParse(length["Content-Length:".Length..].Trim(), out int n) && response.Length - end - 4 >= n;
    }

    static BootstrapResult Parse(byte[] response, int? suite)
    {
        int end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) return BootstrapResult.Fail("http", "no complete HTTP response", suite);
        var status = Encoding.ASCII.GetString(response, 0, end).Split("\r\n")[0];
        if (status.Split(' ') is not [_, "200", ..]) return BootstrapResult.Fail("http", $"status '{status}'", suite);
        return new BootstrapResult(true, "done", status, suite, response.AsSpan(end + 4).ToArray());
    }

    /// <summary>The TLS client: the policy's suites exactly, TLS 1.0-1.2, the device certificate on request, the server's validated.</summary>
    sealed class Client(BcTlsCrypto crypto, CertificateBootstrappingPolicy policy, PkiCredential device,
        System.Security.Cryptography.X509Certificates.X509Certificate2 anchor, TimeProvider clock) : DefaultTlsClient(crypto)
    {
        internal readonly BcTlsCrypto BcCrypto = crypto;
        internal readonly CertificateBootstrappingPolicy Policy = policy;
        internal readonly PkiCredential Device = device;
        internal readonly System.Security.Cryptography.X509Certificates.X509Certificate2 Anchor = anchor;
        internal readonly TimeProvider Clock = clock;
        internal TlsClientContext Context => m_context;

        public bool Completed { get; private set; }
        public int? Selected { get; private set; }
        public string? ServerSubject { get; set; }

        public override int[] GetCipherSuites() => [.. Policy.CipherSuites];
        protected override int[] GetSupportedCipherSuites() => [.. Policy.CipherSuites];
        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.TLSv12.DownTo(ProtocolVersion.TLSv10);
        public override void NotifySelectedCipherSuite(int selectedCipherSuite) { Selected = selectedCipherSuite; base.NotifySelectedCipherSuite(selectedCipherSuite); }
        public override void NotifyHandshakeComplete() { Completed = true; base.NotifyHandshakeComplete(); }
        public override TlsAuthentication GetAuthentication() => new Authentication(this);

        sealed class Authentication(Client owner) : TlsAuthentication
        {
            public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
            {
                var chain = serverCertificate.Certificate.GetCertificateList().Select(c => c.GetEncoded()).ToList();
                try { owner.ServerSubject = chain.Count > 0 ? System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(chain[0]).Subject : "(none)"; }
                catch (System.Security.Cryptography.CryptographicException) { owner.ServerSubject = "(undecodable)"; }
                if (!owner.Policy.ValidatesServerCertificate) return;
                if (BootstrapPki.Validate(chain, owner.Anchor, owner.Clock.GetUtcNow()) is { } problem)
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, $"server certificate rejected: {problem}");
            }

            public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest)
            {
                var context = owner.Context;
                var chain = new Certificate([.. owner.Device.Chain.Select(der => owner.BcCrypto.CreateCertificate(der))]);
                var key = DotNetUtilities.GetRsaKeyPair(owner.Device.Key).Private;
                SignatureAndHashAlgorithm? algorithm = TlsUtilities.IsTlsV12(context) ? SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa) : null;
                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), owner.BcCrypto, key, chain, algorithm);
            }
        }
    }
}
