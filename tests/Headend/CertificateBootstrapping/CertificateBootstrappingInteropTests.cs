using System.Text.RegularExpressions;
using EUeConformance.Headend.Composition;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Network.Netns;
using EUeConformance.Network.Time;
using EUeConformance.Protocols.Tls;
using EUeConformance.Reports.Model;
using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Execution;
using EUeConformance.Runner.Gherkin;
using EUeConformance.Runner.Profile;
using EUeConformance.Tests.Headend.Interop;
using EUeConformance.Tests.Support;
using FluentAssertions;
using Xunit;
using static EUeConformance.Tests.Headend.Support.HeadendSamples;

namespace EUeConformance.Tests.Headend.CertificateBootstrapping;

/// <summary>
/// The TLS of Certificate Bootstrapping (EUE-PROV 6.6.5) against independent implementations: Debian's OpenSSL
/// (openssl s_client, with a client certificate) completes a mutually authenticated handshake with the headend's
/// Certificate Bootstrapping Server inside network namespaces and fetches the profile; Wireshark's tshark decodes what the
/// reference eUE and the server put on the simulated wire (the offered and chosen cipher suites, the alert of an aborted
/// handshake) without a malformed mark. Debian's OpenSSL 3 has no TLS_RSA_WITH_3DES_EDE_CBC_SHA at all (it is not among
/// `openssl ciphers` even at security level 0), which is why the device and the server use BouncyCastle's TLS; the 3DES
/// handshake is proven by tshark's reading of the simulated capture instead.
/// </summary>
[Collection(nameof(InteropCollection))]
public sealed class CertificateBootstrappingInteropTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    static async Task<NetnsHeadend> StartAsync()
    {
        var fabric = new NetnsFabric();
        var log = new EvidenceLog(fabric);
        var link = fabric.CreateLink("access");
        var host = await fabric.AddHostAsync(link, new HostOptions("headend", HeadendMac,
            [new InterfaceAddress(HeadendV4, 24), new InterfaceAddress(HeadendV6, 64)]));
        var client = await fabric.AddHostAsync(link, new HostOptions("client", EueMac,
            [new InterfaceAddress(NetnsHeadend.ClientV4, 24), new InterfaceAddress(NetnsHeadend.ClientV6, 64)]));
        var headend = await EUeConformance.Headend.Composition.Headend.StartAsync(fabric, host, SampleDatabase(), log,
            new HeadendOptions { Services = HeadendServices.Dns | HeadendServices.CertificateBootstrapping });
        headend.CertificateBootstrapping.ProfilePath = "/cb/profile.xml";
        return new NetnsHeadend { Fabric = fabric, Log = log, Client = client, Headend = headend, Dir = Repo.TempDir() };
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("[2001:db8:1::1]")]
    public async Task openssl_s_client_with_the_eUE_certificate_completes_the_handshake_with_AES128_SHA_and_gets_the_profile(string server)
    {
        var openssl = NetnsHeadend.Tool("/usr/bin/openssl", "openssl");
        await using var bed = await StartAsync();
        var device = BootstrapPki.Device(EueMac.ToString());
        string cert = Path.Combine(bed.Dir, "eue.pem"), key = Path.Combine(bed.Dir, "eue.key"), root = Path.Combine(bed.Dir, "operator-root.pem");
        await File.WriteAllTextAsync(cert, device.Leaf.ExportCertificatePem() + "\n" + System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(device.Chain[1]).ExportCertificatePem() + "\n");
        await File.WriteAllTextAsync(key, device.Key.ExportPkcs8PrivateKeyPem() + "\n");
        await File.WriteAllTextAsync(root, BootstrapPki.OperatorRoot.ExportCertificatePem() + "\n");
        string script = $"printf 'GET /cb/profile.xml HTTP/1.1\\r\\nHost: {server}\\r\\nConnection: close\\r\\n\\r\\n' | " +
            $"{openssl} s_client -connect {server}:443 -tls1_2 -cipher 'AES128-SHA@SECLEVEL=0' -cert {cert} -key {key} -CAfile {root} -verify_return_error -ign_eof";
        var run = await bed.RunAsync(Bound, "/bin/sh", "-c", script);
        var evidence = string.Join("\n", bed.Log.Events.Where(e => e.Service == "cb").Select(e => $"#{e.Sequence} {e.Direction} {e.Kind} {string.Join("; ", e.Fields.Select(f => $"{f.Key}={f.Value}"))}"));
        run.ExitCode.Should().Be(0, $"{run.Stderr}\n{evidence}");
        run.Stdout.Should().Contain("Verify return code: 0 (ok)", "openssl validates the server's chain to the operator root");
        run.Stdout.Should().MatchRegex(@"Cipher\s*(is|:)\s*AES128-SHA");
        run.Stdout.Should().Contain("HTTP/1.1 200").And.Contain("cb-user1@example.net");
        var hello = bed.Log.Events.Single(e => e.Service == "cb" && e.Kind == "ClientHello");
        ((TlsClientHello)hello.Message!).CipherSuites.Should().Contain(CipherSuites.TlsRsaWithAes128CbcSha, "OpenSSL's ClientHello decodes with our codec");
        var done = bed.Log.Events.Single(e => e.Service == "cb" && e.Kind == "HandshakeComplete");
        done.Fields["tls.handshake.ciphersuite"].Should().Be("TLS_RSA_WITH_AES_128_CBC_SHA (0x002f)");
        done.Fields["cb.client_subject"].Should().Contain(EueMac.ToString(), "the server requested and validated OpenSSL's client certificate");
        bed.Log.Events.Should().Contain(e => e.Service == "cb" && e.Kind == "GET" && e.Fields["http.request.uri"] == "/cb/profile.xml");
    }

    [Fact]
    public async Task openssl_s_client_without_a_client_certificate_is_refused()
    {
        var openssl = NetnsHeadend.Tool("/usr/bin/openssl", "openssl");
        await using var bed = await StartAsync();
        string root = Path.Combine(bed.Dir, "operator-root.pem");
        await File.WriteAllTextAsync(root, BootstrapPki.OperatorRoot.ExportCertificatePem() + "\n");
        string script = $"printf 'GET /cb/profile.xml HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' | {openssl} s_client -connect 192.0.2.1:443 -tls1_2 -cipher 'AES128-SHA@SECLEVEL=0' -CAfile {root} -ign_eof";
        var run = await bed.RunAsync(Bound, "/bin/sh", "-c", script);
        run.Stdout.Should().NotContain("cb-user1@example.net", "6.6.5 ¶16: the server authenticates the eUE by its certificate");
        bed.Log.Events.Should().NotContain(e => e.Service == "cb" && e.Kind == "HandshakeComplete");
        bed.Log.Events.Should().NotContain(e => e.Service == "cb" && e.Kind == "GET");
    }

    // ---------------------------------------------------------------- tshark on the simulated capture

    static readonly Lazy<IReadOnlyList<Pickle>> Pickles = new(() => FeatureLoader.LoadDirectory(Repo.Features, Repo.Root));
    static readonly BindingRegistry Registry = BindingRegistry.Discover(typeof(EUeConformance.Steps.Bed.Lab).Assembly);

    static async Task<(ScenarioResult Result, string Pcap)> RunScenarioAsync(string name)
    {
        var pickle = Pickles.Value.Single(p => p.File.Replace('\\', '/').EndsWith("features/certificate-bootstrapping.feature", StringComparison.Ordinal) && Regex.IsMatch(p.Name, name));
        var dir = Repo.TempDir();
        var bed = new TestBed(Repo.LoadReferenceProfile(), new VirtualClock(), "simulation", 1, dir);
        try { return ((await new ScenarioExecutor(Registry).RunAsync(pickle, bed, CancellationToken.None)).Result, Path.Combine(dir, EvidenceRecorder.CaptureFile)); }
        finally { await bed.DisposeAsync(); }
    }

    [Theory]
    [InlineData("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "0x000a")]
    [InlineData("TLS_RSA_WITH_AES_128_CBC_SHA", "0x002f")]
    public async Task tshark_reads_the_offered_and_chosen_suites_of_a_completed_bootstrap(string suite, string code)
    {
        var (result, pcap) = await RunScenarioAsync($"server selects {suite}");
        result.Verdict.Should().Be(Verdict.Pass, result.Reason);
        Tshark.Problems(pcap).Should().BeEmpty();
        var hello = Tshark.Fields(pcap, ["-Y", "tls.handshake.type == 1"], "tls.handshake.ciphersuite");
        hello.Should().ContainSingle().Which[0].Split(',').Should().Equal(["0x002f", "0x000a", "0x00ff"],
            "the reference eUE offers exactly the two mandatory suites, and the RFC 5746 signalling value (not a suite)");
        var serverHello = Tshark.Fields(pcap, ["-Y", "tls.handshake.type == 2"], "tls.handshake.ciphersuite");
        serverHello.Should().ContainSingle().Which[0].Should().Be(code);
        var types = Tshark.Fields(pcap, ["-Y", "tls.handshake.type"], "tls.handshake.type").SelectMany(r => r[0].Split(',')).ToList();
        types.Should().Contain(["1", "2", "11", "13", "14", "16", "15"], "ClientHello, ServerHello, Certificate, CertificateRequest, ServerHelloDone, ClientKeyExchange, CertificateVerify");
    }

    [Fact]
    public async Task tshark_sees_the_profile_exchange_only_as_TLS_application_data()
    {
        var (result, pcap) = await RunScenarioAsync("fetches its device profile with HTTP");
        result.Verdict.Should().Be(Verdict.Pass, result.Reason);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, ["-Y", "tls.record.content_type == 23"], "frame.number").Should().HaveCountGreaterThanOrEqualTo(2, "the GET and the profile travel as TLS application data");
        Tshark.Fields(pcap, ["-Y", "http && tcp.port == 443"], "frame.number").Should().BeEmpty("nothing of the HTTP exchange is in the clear");
    }

    [Fact]
    public async Task tshark_reads_the_eUE_alert_when_the_server_forces_a_NULL_suite()
    {
        var (result, pcap) = await RunScenarioAsync("server selects NULL encryption");
        result.Verdict.Should().Be(Verdict.Pass, result.Reason);
        Tshark.Problems(pcap).Should().BeEmpty();
        Tshark.Fields(pcap, ["-Y", "tls.handshake.type == 2"], "tls.handshake.ciphersuite").Should().ContainSingle().Which[0].Should().Be("0x0002");
        var alert = Tshark.Fields(pcap, ["-Y", "tls.alert_message"], "tls.alert_message.level", "tls.alert_message.desc");
        alert.Should().ContainSingle().Which.Should().Equal("2", "47");
        Tshark.Fields(pcap, ["-Y", "tls.handshake.type == 16"], "frame.number").Should().BeEmpty("the eUE sends no ClientKeyExchange");
    }

    // ---------------------------------------------------------------- the ICS variant without Certificate Bootstrapping

    [Fact]
    public void Without_the_ICS_claim_every_bootstrapping_scenario_is_not_applicable_and_the_SHOULD_is_not_met()
    {
        string text = File.ReadAllText(Repo.ReferenceProfile).Replace("  certificate-bootstrapping: true\n", "  certificate-bootstrapping: false\n", StringComparison.Ordinal);
        var profile = ProfileLoader.Parse(Path.Combine(Repo.TempDir(), "no-cb.yaml"), text);
        profile.Has("certificate-bootstrapping").Should().BeFalse();
        var selected = Pickles.Value.Where(p => p.File.Replace('\\', '/').EndsWith("features/certificate-bootstrapping.feature", StringComparison.Ordinal)).ToList();
        var plan = RunPlan.Build(selected, EUeConformance.Runner.Catalog.CatalogLoader.Load(Repo.Catalog), profile, new Selection());
        plan.Selected.Should().HaveCount(selected.Count);
        plan.Selected.Should().OnlyContain(s => !s.Applicable, "6.6.5-02..-14 apply only when the eUE claims Certificate Bootstrapping");
        var device = DutFactories.ReferenceOptions(profile, 1);
        device.Ics.CertificateBootstrapping.Should().BeFalse();
        device.Capabilities.CertificateBootstrapping.Should().BeFalse("capability 5.26 follows the ICS");
    }
}
