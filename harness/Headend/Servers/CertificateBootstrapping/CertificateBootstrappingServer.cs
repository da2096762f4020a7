using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Http;
using EUeConformance.Protocols.Tls;
using EUeConformance.Protocols.Wire;
using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace EUeConformance.Headend.Servers.CertificateBootstrapping;

/// <summary>
/// The Certificate Bootstrapping Server (EUE-PROV 6.6.5 ¶11-¶17) on TCP port 443 of the fabric: TLS 1.0-1.2 with mutual
/// certificate authentication (it requests the eUE's certificate and validates it against the device root, ¶16), then HTTP/1.1
/// serving the device profile. Every exchange is evidence under service "cb": the TCP connection ("Connect"), each plaintext
/// handshake message either side sends (the ClientHello with its offered suites in Wireshark's names, the ServerHello with the
/// chosen one, certificates with their subjects), alerts, the completed handshake, the HTTP request and response (their
/// plaintext, decrypted by the server), and the end of the connection ("Closed", with how far it got). The TLS engine is
/// BouncyCastle's in non-blocking mode, pumped over the fabric's stream on the fabric's clock; the misbehaving
/// "forced suite" answer is written by hand from the codec in harness/Protocols/Tls.
/// </summary>
public sealed class CertificateBootstrappingServer(ServerRuntime runtime, CertificateBootstrappingResponder responder, IPAddress bindAddress, int port = 443)
    : IAsyncDisposable
{
    const string Service = CertificateBootstrappingResponder.Service;
    readonly Scheduler _scheduler = new(runtime.Clock);
    IStreamListener? _listener;
    int _connections;
    ServerRuntime Runtime => runtime;

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(30);

    public CertificateBootstrappingResponder Responder => responder;

    public void Start() => _listener = runtime.Host.ListenTcp(new IPEndPoint(bindAddress, port), Serve);

    sealed class Session(CertificateBootstrappingServer server, IStreamConnection connection)
    {
        public IStreamConnection Connection => connection;
        public bool HandshakeDone;
        public bool HttpRequested;
        public int? Suite;
        public string? ClientSubject;
        public bool AlertReceived;
        public int ClientMessagesAfterHello;
        public Action<TlsClientHello>? ClientHelloSeen;

        public EvidenceEvent Publish(Direction direction, string kind, IReadOnlyDictionary<string, string> fields, object? message, ReadOnlyMemory<byte> raw,
            IReadOnlyList<string>? notes = null, string? error = null) =>
            server.Runtime.Evidence.Publish(Service, direction, connection.LocalEndPoint, connection.RemoteEndPoint, TlsRecord.Protocol, kind, fields, message, raw, notes, error);
    }

    async Task Serve(IStreamConnection connection)
    {
        await using var _ = connection;
        var session = new Session(this, connection);
        int number = Interlocked.Increment(ref _connections);
        session.Publish(Direction.Received, "Connect", new Dictionary<string, string> { ["tcp.dstport"] = connection.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture) }, null,
            ReadOnlyMemory<byte>.Empty, [$"TCP connection #{number} accepted"]);
        var fromClient = new TlsRecordTap((m, raw) => ClientMessage(session, m, raw), (level, desc, raw) => Alert(session, Direction.Received, level, desc, raw),
            error => session.Publish(Direction.Received, "undecodable", new Dictionary<string, string>(), null, ReadOnlyMemory<byte>.Empty, null, error));
        var toClient = new TlsRecordTap((m, raw) => ServerMessage(session, m, raw), (level, desc, raw) => Alert(session, Direction.Sent, level, desc, raw), _ => { });
        string how;
        try
        {
            how = responder.ForcedSuite is { } forced
                ? await ForcedAsync(session, fromClient, toClient, forced, number)
                : await SessionAsync(session, fromClient, toClient, number);
        }
        catch (OperationCanceledException) { how = "idle limit reached or server stopping"; }
        catch (IOException e) { how = $"connection error: {e.Message}"; }
        session.Publish(Direction.Received, "Closed", new Dictionary<string, string>
        {
            ["cb.handshake_complete"] = session.HandshakeDone ? "true" : "false",
            ["cb.http_request"] = session.HttpRequested ? "true" : "false",
        }, null, ReadOnlyMemory<byte>.Empty, [how]);
    }

    async Task<int> ReadAsync(Stream stream, byte[] buffer)
    {
        using var idle = new CancellationTokenSource(IdleTimeout, runtime.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, _scheduler.Stopping);
        return await stream.ReadAsync(buffer, linked.Token);
    }

    async Task<string> SessionAsync(Session session, TlsRecordTap fromClient, TlsRecordTap toClient, int number)
    {
        var stream = session.Connection.Stream;
        var random = SecureRandom.GetInstance("SHA256PRNG", false);
        random.SetSeed(BitConverter.GetBytes(0x5EED_0000L + number));
        var crypto = new BcTlsCrypto(random);
        var server = new Server(crypto, responder, runtime.Clock, session);
        var protocol = new TlsServerProtocol();
        protocol.Accept(server);
        var buffer = new byte[16384];
        var http = new List<byte>();
        while (true)
        {
            int n = await ReadAsync(stream, buffer);
            if (n == 0) return session.HandshakeDone ? "the client closed the connection" : "the client closed the connection during the handshake";
            fromClient.Feed(buffer.AsSpan(0, n));
            try
            {
                protocol.OfferInput(buffer, 0, n);
            }
            catch (TlsException e)
            {
                await FlushAsync(protocol, stream, toClient);
                return $"handshake failed: {e.Message}";
            }
            await FlushAsync(protocol, stream, toClient);
            if (protocol.IsClosed) return "the TLS session was closed";
            while (protocol.GetAvailableInputBytes() > 0)
            {
                var plain = new byte[protocol.GetAvailableInputBytes()];
                int got = protocol.ReadInput(plain, 0, plain.Length);
                http.AddRange(plain.AsSpan(0, got));
            }
            if (http.Count == 0) continue;
            HttpRequest? request;
            int consumed;
            try { request = HttpRequest.TryDecode(http.ToArray(), out consumed); }
            catch (ParseError e)
            {
                session.Publish(Direction.Received, "undecodable", new Dictionary<string, string>(), null, http.ToArray(), ["inside the TLS session"], e.Message);
                return "undecodable HTTP inside the session";
            }
            if (request is null) continue;
            var raw = http.GetRange(0, consumed).ToArray();
            http.RemoveRange(0, consumed);
            session.HttpRequested = true;
            var response = Answer(request, out var note);
            session.Publish(Direction.Received, request.Method, new Dictionary<string, string>
            {
                ["http.request.method"] = request.Method,
                ["http.request.uri"] = request.Target,
                ["http.request.version"] = request.Version,
                ["http.host"] = request.Header("Host") ?? "",
                ["tls.handshake.ciphersuite"] = CipherSuites.Describe(session.Suite ?? -1),
            }, request, raw, ["inside the TLS session", note]);
            var bytes = response.Encode();
            protocol.WriteApplicationData(bytes, 0, bytes.Length);
            await FlushAsync(protocol, stream, toClient);
            session.Publish(Direction.Sent, "RESPONSE", new Dictionary<string, string>
            {
                ["http.response.code"] = response.StatusCode.ToString(CultureInfo.InvariantCulture),
                ["http.content_length"] = response.Body.Length.ToString(CultureInfo.InvariantCulture),
            }, response, bytes, ["inside the TLS session"]);
            if (!request.KeepAlive)
            {
                protocol.Close();
                await FlushAsync(protocol, stream, toClient);
                return "served the profile; closed the session (Connection: close)";
            }
        }
    }

    HttpResponse Answer(HttpRequest request, out string note)
    {
        if (request.Method != "GET") { note = "not a GET"; return HttpResponse.Error(405, "Method Not Allowed", close: true); }
        if (request.Path != responder.ProfilePath) { note = $"no profile at {request.Path}"; return HttpResponse.Error(404, "Not Found", close: true); }
        note = $"serving the device profile ({string.Join(", ", responder.Profile.Users.Select(u => u.Impi))})";
        return HttpResponse.Ok(responder.Profile.Encode(), BootstrapProfile.ContentType, close: true);
    }

    static async Task FlushAsync(TlsServerProtocol protocol, Stream stream, TlsRecordTap tap)
    {
        int available = protocol.GetAvailableOutputBytes();
        if (available == 0) return;
        var bytes = new byte[available];
        int n = protocol.ReadOutput(bytes, 0, available);
        tap.Feed(bytes.AsSpan(0, n));
        await stream.WriteAsync(bytes.AsMemory(0, n));
        await stream.FlushAsync();
    }

    /// <summary>The misbehaving answer: a ServerHello naming <paramref name="suite"/> whatever the client offered, then watch the client.</summary>
    async Task<string> ForcedAsync(Session session, TlsRecordTap fromClient, TlsRecordTap toClient, int suite, int number)
    {
        var stream = session.Connection.Stream;
        var buffer = new byte[16384];
        TlsClientHello? hello = null;
        session.ClientHelloSeen = h => hello = h;
        while (hello is null)
        {
            int n = await ReadAsync(stream, buffer);
            if (n == 0) return "the client closed the connection before its ClientHello";
            fromClient.Feed(buffer.AsSpan(0, n));
        }
        ushort version = Math.Min(hello.Version, TlsVersion.Tls12);
        var random = SHA256.HashData(BitConverter.GetBytes(0x0F0E_0000L + number));
        var credential = BootstrapPki.Server(responder.Certificate);
        var messages = new List<byte>();
        messages.AddRange(new TlsHandshake(TlsHandshakeType.ServerHello, new TlsServerHello(version, random, ReadOnlyMemory<byte>.Empty, suite, 0,
            [(0xFF01, new byte[] { 0x00 })]).EncodeBody()).Encode());
        messages.AddRange(new TlsHandshake(TlsHandshakeType.Certificate, TlsCertificateMessage.EncodeBody(credential.Chain)).Encode());
        messages.AddRange(new TlsHandshake(TlsHandshakeType.CertificateRequest, TlsCertificateRequest.EncodeBody(version)).Encode());
        messages.AddRange(new TlsHandshake(TlsHandshakeType.ServerHelloDone, ReadOnlyMemory<byte>.Empty).Encode());
        var record = new TlsRecord(TlsContentType.Handshake, version, messages.ToArray()).Encode();
        toClient.Feed(record);
        await stream.WriteAsync(record);
        await stream.FlushAsync();
        int before = session.ClientMessagesAfterHello;
        while (true)
        {
            int n = await ReadAsync(stream, buffer);
            if (n == 0) break;
            fromClient.Feed(buffer.AsSpan(0, n));
            if (session.AlertReceived || fromClient.Encrypted) break;
        }
        return session.ClientMessagesAfterHello > before
            ? $"the client went on with the handshake after a ServerHello naming {CipherSuites.Describe(suite)}"
            : session.AlertReceived ? "the client sent an alert" : "the client closed the connection";
    }

    void ClientMessage(Session session, TlsHandshake message, byte[] raw)
    {
        var fields = new Dictionary<string, string> { ["tls.handshake.type"] = TlsHandshakeType.Name(message.Type) };
        object? decoded = null;
        string? error = null;
        try
        {
            switch (message.Type)
            {
                case TlsHandshakeType.ClientHello:
                    var hello = TlsClientHello.Decode(message.Body);
                    decoded = hello;
                    fields["tls.handshake.version"] = TlsVersion.Name(hello.Version);
                    fields["tls.handshake.ciphersuite"] = string.Join(", ", hello.CipherSuites.Select(CipherSuites.Describe));
                    fields["tls.handshake.cipher_suites_length"] = (hello.CipherSuites.Count * 2).ToString(CultureInfo.InvariantCulture);
                    fields["tls.handshake.extension.type"] = string.Join(",", hello.Extensions.Select(x => x.ToString(CultureInfo.InvariantCulture)));
                    session.ClientHelloSeen?.Invoke(hello);
                    break;
                case TlsHandshakeType.Certificate:
                    Subjects(TlsCertificateMessage.Decode(message.Body), fields);
                    session.ClientMessagesAfterHello++;
                    break;
                default:
                    session.ClientMessagesAfterHello++;
                    break;
            }
        }
        catch (ParseError e) { error = e.Message; }
        session.Publish(Direction.Received, Kind(message.Type), fields, decoded, raw, null, error);
    }

    void ServerMessage(Session session, TlsHandshake message, byte[] raw)
    {
        var fields = new Dictionary<string, string> { ["tls.handshake.type"] = TlsHandshakeType.Name(message.Type) };
        object? decoded = null;
        switch (message.Type)
        {
            case TlsHandshakeType.ServerHello:
                var hello = TlsServerHello.Decode(message.Body);
                decoded = hello;
                session.Suite = hello.CipherSuite;
                fields["tls.handshake.version"] = TlsVersion.Name(hello.Version);
                fields["tls.handshake.ciphersuite"] = CipherSuites.Describe(hello.CipherSuite);
                break;
            case TlsHandshakeType.Certificate:
                Subjects(TlsCertificateMessage.Decode(message.Body), fields);
                fields["cb.server_certificate"] = responder.Certificate.ToString();
                break;
        }
        session.Publish(Direction.Sent, Kind(message.Type), fields, decoded, raw);
    }

    static void Subjects(IReadOnlyList<byte[]> chain, Dictionary<string, string> fields)
    {
        fields["tls.handshake.certificates_count"] = chain.Count.ToString(CultureInfo.InvariantCulture);
        if (chain.Count == 0) return;
        try
        {
            using var leaf = X509CertificateLoader.LoadCertificate(chain[0]);
            fields["x509sat.subject"] = leaf.Subject;
            fields["x509sat.issuer"] = leaf.Issuer;
            fields["x509af.notAfter"] = leaf.NotAfter.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        }
        catch (CryptographicException e) { fields["x509sat.subject"] = $"(undecodable: {e.Message})"; }
    }

    static void Alert(Session session, Direction direction, byte level, byte description, byte[] raw)
    {
        if (direction == Direction.Received) session.AlertReceived = true;
        session.Publish(direction, "Alert", new Dictionary<string, string>
        {
            ["tls.alert_message.level"] = level == TlsAlert.Fatal ? "Fatal" : level == TlsAlert.Warning ? "Warning" : level.ToString(CultureInfo.InvariantCulture),
            ["tls.alert_message.desc"] = TlsAlert.Name(description),
        }, null, raw);
    }

    static string Kind(byte type) => TlsHandshakeType.Name(type).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The TLS server: the responder's suites and certificate, a CertificateRequest, the client's certificate validated.</summary>
    sealed class Server(BcTlsCrypto crypto, CertificateBootstrappingResponder responder, TimeProvider clock, Session session)
        : DefaultTlsServer(crypto)
    {
        readonly PkiCredential _credential = BootstrapPki.Server(responder.Certificate);

        protected override int[] GetSupportedCipherSuites() => [.. responder.CipherSuites];
        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.TLSv12.DownTo(ProtocolVersion.TLSv10);

        protected override TlsCredentialedDecryptor GetRsaEncryptionCredentials() =>
            new BcDefaultTlsCredentialedDecryptor(crypto, Chain(), DotNetUtilities.GetRsaKeyPair(_credential.Key).Private);

        protected override TlsCredentialedSigner GetRsaSignerCredentials() =>
            new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(m_context), crypto, DotNetUtilities.GetRsaKeyPair(_credential.Key).Private, Chain(),
                TlsUtilities.IsTlsV12(m_context) ? SignatureAndHashAlgorithm.GetInstance(Org.BouncyCastle.Tls.HashAlgorithm.sha256, SignatureAlgorithm.rsa) : null);

        Certificate Chain() => new([.. _credential.Chain.Select(der => crypto.CreateCertificate(der))]);

        public override Org.BouncyCastle.Tls.CertificateRequest GetCertificateRequest()
        {
            IList<SignatureAndHashAlgorithm>? algorithms = TlsUtilities.IsTlsV12(m_context)
                ? [SignatureAndHashAlgorithm.GetInstance(Org.BouncyCastle.Tls.HashAlgorithm.sha256, SignatureAlgorithm.rsa), SignatureAndHashAlgorithm.GetInstance(Org.BouncyCastle.Tls.HashAlgorithm.sha1, SignatureAlgorithm.rsa)]
                : null;
            return new Org.BouncyCastle.Tls.CertificateRequest([ClientCertificateType.rsa_sign], algorithms, null);
        }

        public override void NotifyClientCertificate(Certificate clientCertificate)
        {
            var chain = clientCertificate.GetCertificateList().Select(c => c.GetEncoded()).ToList();
            if (chain.Count == 0) throw new TlsFatalAlert(AlertDescription.handshake_failure, "the eUE presented no certificate (6.6.5 ¶16)");
            using (var leaf = X509CertificateLoader.LoadCertificate(chain[0])) session.ClientSubject = leaf.Subject;
            if (BootstrapPki.Validate(chain, BootstrapPki.DeviceRoot, clock.GetUtcNow()) is { } problem)
                throw new TlsFatalAlert(AlertDescription.bad_certificate, $"the eUE's certificate does not validate: {problem}");
        }

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            session.HandshakeDone = true;
            var suite = m_context.SecurityParameters.CipherSuite;
            session.Suite = suite;
            session.Publish(Direction.Received, "HandshakeComplete", new Dictionary<string, string>
            {
                ["tls.handshake.ciphersuite"] = CipherSuites.Describe(suite),
                ["tls.handshake.version"] = TlsVersion.Name((ushort)m_context.ServerVersion.FullVersion),
                ["cb.client_subject"] = session.ClientSubject ?? "",
                ["cb.server_subject"] = _credential.Subject,
            }, null, ReadOnlyMemory<byte>.Empty, ["the client's Finished verified: mutual authentication complete"]);
        }
    }

    public ValueTask DisposeAsync()
    {
        _scheduler.Dispose();
        _listener?.Dispose();
        return ValueTask.CompletedTask;
    }
}
