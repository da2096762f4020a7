using System.Globalization;
using System.Net;
using EUeConformance.Headend.Composition;
using EUeConformance.Headend.Overrides;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Tls;
using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;
using EUeConformance.Steps.Flows;
using static EUeConformance.Steps.CertificateBootstrapping.CertificateBootstrappingWire;
using static EUeConformance.Steps.Flows.FlowWire;

namespace EUeConformance.Steps.CertificateBootstrapping;

/// <summary>
/// Certificate Bootstrapping (EUE-PROV 6.6.5), judged at the operator's Certificate Bootstrapping Server and over SNMP: what
/// starts it (the management interface or an accepted configuration file, and nothing else), the TLS session (the suites the
/// ClientHello offers, handshakes completed with each mandatory suite, no NULL suite accepted, the server's certificate
/// validated), the HTTP retrieval of the device profile inside the session, and the delivered credentials in use afterwards
/// (pktcEUEUsrIMPITable, CL-PKTC-EUE-USER-MIB: the identities later authentication uses; this suite has no SIP registrar).
/// The trigger is CL-PKTC-EUE-DEV-MIB's pair: pktcEUECBData (the URI) and pktcEUECBEnable (true starts it). The URI names
/// the headend by address literal (the server's name is not what 6.6.5 tests) and the path of the profile.
/// </summary>
[Binding]
public sealed class CertificateBootstrappingSteps(Lab lab, LabPlan plan, FlowWire wire, ScenarioContext scenario)
{
    const string TriggerKey = "cb.trigger", HelloKey = "cb.hello", FileUserKey = "cb.file-user";
    const string ProfilePath = "/cb/profile.xml";

    /// <summary>How long after an SNMP trigger the eUE may take to connect: the IXIT step time.</summary>
    TimeSpan StepBound => lab.Profile.Ixit.Timeouts.Step;

    bool Ipv6 => plan.EueIpPreference == Protocols.Dhcp4.IpPreference.Ipv6;

    string Uri => Ipv6 ? $"https://[{LabAddresses.HeadendV6}]{ProfilePath}" : $"https://{LabAddresses.HeadendV4}{ProfilePath}";

    // ---------------------------------------------------------------- the operator's side

    [Given(@"^the operator's Certificate Bootstrapping Server serves the eUE's device profile$")]
    public void GivenServer()
    {
        plan.Services |= HeadendServices.CertificateBootstrapping;
        plan.HeadendSetup.Add(h => h.CertificateBootstrapping.ProfilePath = ProfilePath);
    }

    [Given(@"^the Certificate Bootstrapping Server presents a certificate (from a root the eUE does not trust|that has expired|whose signature does not verify)$")]
    public void GivenBadCertificate(string which)
    {
        var certificate = which.StartsWith("from", StringComparison.Ordinal) ? ServerCertificate.UntrustedRoot
            : which.StartsWith("that", StringComparison.Ordinal) ? ServerCertificate.Expired : ServerCertificate.BadSignature;
        plan.HeadendSetup.Add(h => h.CertificateBootstrapping.Certificate = certificate);
    }

    [Given(@"^the Certificate Bootstrapping Server selects only (TLS_\w+)$")]
    public void GivenOnlySuite(string suite)
    {
        int code = CertificateBootstrappingWire.Names.Code(suite);
        plan.HeadendSetup.Add(h => h.CertificateBootstrapping.CipherSuites = [code]);
    }

    [Given(@"^the Certificate Bootstrapping Server answers any ClientHello with (TLS_\w+)$")]
    public void GivenForcedSuite(string suite)
    {
        int code = CertificateBootstrappingWire.Names.Code(suite);
        plan.HeadendSetup.Add(h => h.CertificateBootstrapping.ForcedSuite = code);
    }

    [Given(@"^the DNS server answers every lookup (\d+) seconds? late$")]
    public void GivenDnsLate(int seconds) =>
        plan.HeadendSetup.Add(h => h.Dns.Overrides.Add(Override.DelayReplies(null, TimeSpan.FromSeconds(seconds))));

    // ---------------------------------------------------------------- the configuration file

    void AddToFile(params VarBind[] settings)
    {
        var before = plan.ConfigFileBody;
        plan.ConfigFileBody = b => { before(b); foreach (var s in settings) b.SetMib(s); };
    }

    VarBind UriSetting() => new(MibNames.EueDev.PktcEUECBData.InstanceId(0), SnmpValue.OctetString(Uri));
    static VarBind EnableSetting() => new(MibNames.EueDev.PktcEUECBEnable.InstanceId(0), SnmpValue.TruthValue(true));

    [Given(@"^the configuration file enables Certificate Bootstrapping with the server's URI$")]
    public void GivenFileEnables() => AddToFile(UriSetting(), EnableSetting());

    [Given(@"^the configuration file gives the Certificate Bootstrapping Server's URI without enabling Certificate Bootstrapping$")]
    public void GivenFileUriOnly() => AddToFile(UriSetting());

    /// <summary>A row of pktcEUEUsrIMPITable (CL-PKTC-EUE-USER-MIB): a private identity with a password, created with createAndGo.</summary>
    [Given(@"^the configuration file gives the eUE the user ([\w.@-]+)$")]
    public void GivenFileUser(string impi)
    {
        scenario[FileUserKey] = impi;
        AddToFile(
            new VarBind(MibNames.EueUser.PktcEUEUsrIMPIIdType.InstanceId(1), SnmpValue.Integer(4)),
            new VarBind(MibNames.EueUser.PktcEUEUsrIMPIId.InstanceId(1), SnmpValue.OctetString(impi)),
            new VarBind(MibNames.EueUser.PktcEUEUsrIMPICredsType.InstanceId(1), SnmpValue.Integer(3)),
            new VarBind(MibNames.EueUser.PktcEUEUsrIMPICredentials.InstanceId(1), SnmpValue.OctetString("file-secret")),
            new VarBind(MibNames.EueUser.PktcEUEUsrIMPIRowStatus.InstanceId(1), SnmpValue.Integer(4)));
    }

    /// <summary>The headend's address as the P-CSCF (pktcEUEDevPCSCFTable row 1), where a silent watcher records any SIP request.</summary>
    [Given(@"^the configuration file names the headend as the P-CSCF, where SIP requests are watched$")]
    public void GivenPcscfWatched()
    {
        plan.Services |= HeadendServices.SipWatch;
        AddToFile([.. FlowSetupSteps.PcscfRow(1, Ipv6 ? LabAddresses.HeadendV6 : LabAddresses.HeadendV4, rowStatus: 4)]);
    }

    // ---------------------------------------------------------------- the management trigger

    [When(@"^the Provisioning Server triggers Certificate Bootstrapping over SNMP$")]
    public async Task WhenSnmpTrigger()
    {
        var agent = LeasedAddress(await wire.LeaseAsync());
        var set = await wire.SetAsync(agent, "pktcEUECBData and pktcEUECBEnable", UriSetting(), EnableSetting());
        if (set.ErrorStatus != SnmpErrorStatus.NoError)
            throw ScenarioContext.Inconclusive($"the eUE refused the SET that triggers Certificate Bootstrapping ({set.ErrorStatus.Describe()} at varbind {set.ErrorIndex}): the trigger could not be given");
        var response = lab.Seen(e => e.Service == Traffic.ProvisioningSnmp && e.Direction == Direction.Received && e.Kind == "Response").LastOrDefault();
        scenario[TriggerKey] = response ?? lab.Seen(_ => true).Last();
        scenario.Log($"SET {Uri} and true(1): noError");
    }

    // ---------------------------------------------------------------- the connection

    EvidenceCursor Since() => scenario[TriggerKey] is EvidenceEvent trigger ? After(trigger) : new EvidenceCursor(0);

    /// <summary>The eUE's ClientHello to the Certificate Bootstrapping Server (after the SNMP trigger when there was one).</summary>
    async Task<EvidenceEvent> HelloAsync()
    {
        if (scenario[HelloKey] is EvidenceEvent known) return known;
        // After an SNMP trigger the eUE acknowledged, silence is its fault; after power-on it may not have got that far.
        bool triggered = scenario[TriggerKey] is not null;
        var hello = await lab.AwaitAsync("ClientHello from the eUE to the Certificate Bootstrapping Server", e => IsClientHello(e) || IsUndecodable(e),
            triggered ? StepBound : lab.Boot, Since(), missingFails: triggered);
        if (IsUndecodable(hello) || hello.Error is not null)
            throw lab.Fail("the eUE's first bytes to the Certificate Bootstrapping Server are not a TLS ClientHello", "a ClientHello (RFC 5246 §7.4.1.2)", hello.Error ?? "undecodable", hello);
        scenario[HelloKey] = hello;
        return hello;
    }

    [Then(@"^the eUE connects to the Certificate Bootstrapping Server with a TLS ClientHello$")]
    public async Task ThenHello()
    {
        var hello = await HelloAsync();
        lab.Witness(hello, $"ClientHello ({Field(hello, "tls.handshake.version")}): {Field(hello, "tls.handshake.ciphersuite")}");
    }

    [Then(@"^the eUE makes no connection to the Certificate Bootstrapping Server for (\d+) seconds after it provisioned$")]
    public async Task ThenNoConnection(int seconds)
    {
        var from = scenario[Dut.PowerSteps.ResetCursor] is EvidenceCursor reset ? reset : new EvidenceCursor(0);
        var lease = await lab.AwaitAsync("the eUE's lease (DHCPv6 REPLY or DHCPv4 ACK)", IsLease, lab.Boot, from);
        var file = await lab.AwaitAsync("the eUE's configuration file request", e => Traffic.EueFileRequest(e), lab.Boot, After(lease));
        await lab.SettleAsync(TimeSpan.FromSeconds(seconds));
        var any = lab.Seen(e => e.Service == Service && e.Direction == Direction.Received, from).FirstOrDefault();
        if (any is not null)
            throw lab.Fail("the eUE started Certificate Bootstrapping although neither the configuration file nor SNMP enabled it",
                "no connection to the Certificate Bootstrapping Server (6.6.5 ¶8 bullet 1)", $"{any.Kind} from {any.Peer}", any);
        scenario.Log($"no connection to the Certificate Bootstrapping Server in the {seconds} s after the file request #{file.Sequence}");
    }

    // ---------------------------------------------------------------- order against the file's acceptance

    static bool IsPassReport(EvidenceEvent e) =>
        IsProvisioningCompleteEvent(e) && ((Protocols.Syslog.SyslogMessage)e.Message!).MsgText.Contains("pass", StringComparison.OrdinalIgnoreCase)
        || IsStatusReport(e) && ReportedState(e) is 1 or 4;

    [Then(@"^the eUE reports the file as accepted before it connects to the Certificate Bootstrapping Server$")]
    public async Task ThenAcceptedFirst()
    {
        var connect = await lab.AwaitAsync("connection from the eUE to the Certificate Bootstrapping Server", IsConnect, lab.Boot);
        // A report that never comes leaves the order unjudgeable (inconclusive); one that comes after the connection fails it.
        var report = lab.Seen(IsPassReport).FirstOrDefault()
            ?? await lab.AwaitAsync("pass or passWithWarnings report (eUE-24 syslog or eUE-25 INFORM)", IsPassReport, lab.Boot, After(connect));
        if (report.Sequence > connect.Sequence)
            throw lab.Fail("the eUE started Certificate Bootstrapping before it reported its configuration file accepted",
                "a pass or passWithWarnings report (eUE-24 syslog or eUE-25 INFORM) before the connection (6.6.5 ¶8 bullet 1)",
                $"the report #{report.Sequence} after the connection #{connect.Sequence}", connect);
        lab.Witness(report, "the file accepted (the first pass report)");
        lab.Witness(connect, "then the connection to the Certificate Bootstrapping Server");
    }

    [Then(@"^the eUE, having rejected the file, makes no connection to the Certificate Bootstrapping Server for (\d+) seconds$")]
    public async Task ThenRejectedNoConnection(int seconds)
    {
        var lease = await wire.LeaseAsync();
        await lab.AwaitAsync("the eUE's configuration file request", e => Traffic.EueFileRequest(e), lab.Boot, After(lease));
        await lab.SettleAsync(TimeSpan.FromSeconds(seconds));
        var any = lab.Seen(e => e.Service == Service && e.Direction == Direction.Received).FirstOrDefault();
        if (any is not null)
            throw lab.Fail("the eUE started Certificate Bootstrapping from a configuration file it did not accept",
                "no connection (6.6.5 ¶8 bullet 1: only after pass or passWithWarnings)", $"{any.Kind} from {any.Peer}", any);
        var pass = lab.Seen(IsPassReport).FirstOrDefault();
        if (pass is not null) throw ScenarioContext.Inconclusive($"the eUE reported the broken file as accepted (#{pass.Sequence}): the precondition of this check does not hold");
    }

    /// <summary>6.6.5 ¶8: a file-triggered bootstrap starts before any SIP registration, whatever IMPI the eUE already holds.</summary>
    [Then(@"^the eUE sends the P-CSCF no SIP request before its ClientHello to the Certificate Bootstrapping Server$")]
    public async Task ThenNoSipFirst()
    {
        var hello = await HelloAsync();
        var sip = lab.Seen(e => e.Service == "sip" && e.Direction == Direction.Received && e.Sequence < hello.Sequence).FirstOrDefault();
        if (sip is not null)
            throw lab.Fail("the eUE sent a SIP request before it started Certificate Bootstrapping", "the ClientHello before any SIP REGISTER (6.6.5 ¶8 bullet 1)",
                $"SIP {sip.Kind} #{sip.Sequence} (username {Field(sip, "sip.auth.username")}) before the ClientHello #{hello.Sequence}", sip);
        var later = lab.Seen(e => e.Service == "sip" && e.Direction == Direction.Received, After(hello)).FirstOrDefault();
        scenario.Log(later is null ? "no SIP request at the P-CSCF" : $"first SIP request #{later.Sequence}, after the ClientHello #{hello.Sequence}");
        lab.Witness(hello, "the ClientHello, with no SIP request before it");
    }

    // ---------------------------------------------------------------- the ClientHello

    [Then(@"^the eUE's ClientHello offers (TLS_\w+) and (TLS_\w+)$")]
    public async Task ThenOffers(string first, string second)
    {
        var hello = await HelloAsync();
        var offered = Hello(hello).CipherSuites;
        var missing = new[] { first, second }.Where(n => !offered.Contains(CertificateBootstrappingWire.Names.Code(n))).ToList();
        if (missing.Count > 0)
            throw lab.Fail($"the eUE's ClientHello does not offer {string.Join(" and ", missing)}", $"{first} and {second} among the offered suites (6.6.5 ¶12)",
                Field(hello, "tls.handshake.ciphersuite"), hello);
        lab.Witness(hello, $"offered: {Field(hello, "tls.handshake.ciphersuite")}");
    }

    [Then(@"^the eUE's ClientHello offers no cipher suite with NULL (encryption|integrity protection)$")]
    public async Task ThenNoNull(string what)
    {
        var hello = await HelloAsync();
        Func<int, bool> bad = what == "encryption" ? CipherSuites.HasNullEncryption : CipherSuites.HasNullMac;
        var found = Hello(hello).CipherSuites.Where(bad).ToList();
        if (found.Count > 0)
            throw lab.Fail($"the eUE offers cipher suites with NULL {what}", $"no suite with NULL {what} (6.6.5 ¶{(what == "encryption" ? 13 : 14)})",
                string.Join(", ", found.Select(CipherSuites.Describe)), hello);
        lab.Witness(hello, $"offered: {Field(hello, "tls.handshake.ciphersuite")}");
    }

    // ---------------------------------------------------------------- the handshake

    async Task<EvidenceEvent> ClosedAsync(EvidenceEvent hello) =>
        await lab.AwaitAsync("the end of the eUE's connection to the Certificate Bootstrapping Server",
            e => IsClosed(e) && e.Peer.Equals(hello.Peer), StepBound, After(hello));

    [Then(@"^the handshake completes with (TLS_\w+), the eUE presenting its certificate$")]
    public async Task ThenHandshake(string suite)
    {
        var hello = await HelloAsync();
        var done = await lab.AwaitAsync("the end of the eUE's handshake with the Certificate Bootstrapping Server",
            e => (IsHandshakeComplete(e) || IsClosed(e)) && e.Peer.Equals(hello.Peer), StepBound, After(hello));
        if (!IsHandshakeComplete(done))
        {
            var alert = lab.Seen(e => From(e, "Alert") && e.Peer.Equals(hello.Peer), After(hello)).FirstOrDefault();
            throw lab.Fail($"the eUE did not complete a handshake in which the server selected {suite}", $"a completed handshake with {suite} (6.6.5 ¶12)",
                alert is null ? Field(done, EvidenceNotesField) : $"the eUE's alert {Field(alert, "tls.alert_message.desc")}", alert ?? done);
        }
        if (Field(done, "tls.handshake.ciphersuite") != CipherSuites.Describe(CertificateBootstrappingWire.Names.Code(suite)))
            throw lab.Fail("the handshake completed with another suite", suite, Field(done, "tls.handshake.ciphersuite"), done);
        if (Field(done, "cb.client_subject").Length == 0)
            throw lab.Fail("the eUE completed the handshake without a client certificate", "its certificate in answer to the CertificateRequest (6.6.5 ¶2, ¶16)", "none", done);
        lab.Witness(done, $"handshake complete with {Field(done, "tls.handshake.ciphersuite")}, client {Field(done, "cb.client_subject")}");
    }

    const string EvidenceNotesField = Headend.Servers.Common.EvidenceNotes.NoteField;

    [Then(@"^the eUE abandons the handshake and sends no HTTP request$")]
    public async Task ThenAbandons()
    {
        var hello = await HelloAsync();
        var closed = await ClosedAsync(hello);
        var mine = lab.Seen(e => e.Peer.Equals(hello.Peer) && e.Sequence <= closed.Sequence, After(hello));
        var serverHello = mine.FirstOrDefault(e => To(e, "ServerHello"));
        var wentOn = serverHello is null ? null : mine.FirstOrDefault(e => e.Sequence > serverHello.Sequence && IsClientGoingOn(e));
        var complete = mine.FirstOrDefault(IsHandshakeComplete);
        var request = mine.FirstOrDefault(IsHttpRequest);
        var culprit = request ?? complete ?? wentOn;
        if (culprit is not null)
            throw lab.Fail("the eUE went on with a TLS session it had to abandon",
                "an alert or the connection closed after the server's hello, no HTTP request (6.6.5 ¶13-¶15)",
                request is not null ? $"HTTP {request.Kind} {Field(request, "http.request.uri")}" : complete is not null ? "the handshake completed" : $"its {wentOn!.Kind} after the ServerHello",
                culprit);
        var alert = mine.FirstOrDefault(e => From(e, "Alert"));
        lab.Witness(alert ?? closed, alert is null ? "the eUE closed the connection" : $"the eUE's alert: {Field(alert, "tls.alert_message.desc")}");
    }

    // ---------------------------------------------------------------- the profile and the credentials

    async Task<EvidenceEvent> ProfileRequestAsync()
    {
        var hello = await HelloAsync();
        var end = await lab.AwaitAsync("the eUE's HTTP request inside the TLS session, or the end of the connection",
            e => (IsHttpRequest(e) || IsClosed(e)) && e.Peer.Equals(hello.Peer), StepBound, After(hello));
        if (!IsHttpRequest(end))
            throw lab.Fail("the eUE sent no HTTP request for its device profile in the TLS session", "an HTTP GET of the profile (6.6.5 ¶17)",
                $"the connection ended ({Field(end, EvidenceNotesField)}; handshake complete: {Field(end, "cb.handshake_complete")})", end);
        return end;
    }

    [Then(@"^inside the TLS session the eUE requests its device profile with an HTTP GET of the URI's path$")]
    public async Task ThenGet()
    {
        var request = await ProfileRequestAsync();
        if (request.Kind != "GET" || Field(request, "http.request.uri") != ProfilePath)
            throw lab.Fail("the eUE's HTTP request is not a GET of the URI's path", $"GET {ProfilePath} (6.6.5 ¶17)", $"{request.Kind} {Field(request, "http.request.uri")}", request);
        lab.Witness(request, $"GET {ProfilePath} inside the TLS session ({Field(request, "tls.handshake.ciphersuite")})");
    }

    async Task<string?> ImpiAsync()
    {
        var agent = LeasedAddress(await wire.LeaseAsync());
        var get = await wire.GetAsync(agent, "pktcEUEUsrIMPIId.1", MibNames.EueUser.PktcEUEUsrIMPIId.InstanceId(1));
        var value = get.VarBinds.FirstOrDefault()?.Value;
        return value is { Type: SnmpType.OctetString } v ? v.ToText() : null;
    }

    [Then(@"^the eUE's pktcEUEUsrIMPITable then holds the delivered user ([\w.@-]+) in place of the file's$")]
    public async Task ThenCredentialsUsed(string impi)
    {
        var request = await ProfileRequestAsync();
        var response = await lab.AwaitAsync("the Certificate Bootstrapping Server's answer", e => To(e, "RESPONSE") && e.Peer.Equals(request.Peer), StepBound, After(request));
        if (Field(response, "http.response.code") != "200") throw ScenarioContext.Inconclusive($"the server did not deliver the profile (HTTP {Field(response, "http.response.code")})");
        // The eUE is given a few seconds to take the document in (the spec sets no bound; the IXIT step time caps the wait).
        string? seen = null;
        for (var waited = TimeSpan.Zero; waited <= StepBound; waited += TimeSpan.FromSeconds(5))
        {
            await lab.SettleAsync(TimeSpan.FromSeconds(5));
            seen = await ImpiAsync();
            if (seen == impi) break;
        }
        if (seen != impi)
            throw lab.Fail("the eUE does not use the credentials Certificate Bootstrapping delivered", $"pktcEUEUsrIMPIId.1 = \"{impi}\" (6.6.5 ¶17)",
                seen is null ? "no pktcEUEUsrIMPIId.1" : $"\"{seen}\"{(scenario[FileUserKey] is string f && f == seen ? " (the configuration file's)" : "")}", response);
        lab.Witness(response, $"profile delivered; pktcEUEUsrIMPIId.1 then reads \"{seen}\"");
    }

    [Then(@"^the eUE goes through Figure 4 in order: a mutually authenticated TLS session, the HTTP GET of its profile, then the delivered user ([\w.@-]+) in use$")]
    public async Task ThenFigure4(string impi)
    {
        var hello = await HelloAsync();
        var request = await ProfileRequestAsync();
        var certificate = lab.Seen(e => From(e, "Certificate") && e.Peer.Equals(hello.Peer), After(hello)).FirstOrDefault();
        var done = lab.Seen(e => IsHandshakeComplete(e) && e.Peer.Equals(hello.Peer), After(hello)).FirstOrDefault();
        if (certificate is null || done is null || done.Sequence > request.Sequence || Field(certificate, "tls.handshake.certificates_count") == "0")
            throw lab.Fail("the eUE fetched its profile without a mutually authenticated TLS session first",
                "ClientHello, the eUE's certificate, the handshake complete, then the HTTP GET (6.6.5 Figure 4)",
                certificate is null ? "no certificate from the eUE" : done is null ? "no completed handshake" : "the GET before the handshake completed", request);
        await ThenCredentialsUsed(impi);
        lab.Witness(certificate, $"the eUE's certificate: {Field(certificate, "x509sat.subject")}");
        lab.Witness(done, "the handshake complete");
    }
}
