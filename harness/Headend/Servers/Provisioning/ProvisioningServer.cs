using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using EUeConformance.Headend.Database;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>
/// The Provisioning Server's SNMP entity, PROV_SNMP_ENTITY (EUE-PROV 6.2.5, interface pkt-eue-4), on the
/// harness/Protocols/Snmp stack: a notification receiver on UDP 162 and a command generator on a port of
/// its own. It answers every valid InformRequest per SNMP (eUE-15 and eUE-25: "MUST respond to a valid
/// SNMP INFORM"); on an enrollment INFORM it GETs the objects the database lists (eUE-16/17, optional) and
/// then SETs pktcMtaDevConfigFile, pktcMtaDevProvConfigHash and, for an encrypted file only,
/// pktcMtaDevProvConfigKey (eUE-19), in the version, user and MTA MIB the eUE used; the status INFORM's
/// provisioning state is kept with the enrollment. A retransmitted INFORM is answered again and acted on
/// once. Every datagram in and out is evidence under "prov-snmp"; every answer and request passes the
/// overrides (received kinds "InformRequest", "SNMPv2-Trap"…; sent "Response", "Report", "GetRequest",
/// "SetRequest"; <see cref="ProvisioningEditor"/> for edits).
/// </summary>
/// <remarks>
/// SNMPv3 keys: in the Secure flow they come from Kerberized key management (eUE-13/14), which comes with
/// the Kerberos issue; until then the users are configured by password in the database's provisioning
/// section. Runs on the fabric's actor context: its requester resumes there (never on the thread pool).
/// </remarks>
public sealed class ProvisioningServer(EueBindings? bindings = null, int seed = 0) : IProvisioningServer
{
    public const string Service = "prov-snmp";
    public const int NotificationPort = 162;
    static readonly SnmpDecodeOptions Decode = SnmpDecodeOptions.Rfc3417;

    readonly object _gate = new();
    readonly List<ProvisioningNotification> _notifications = [];
    readonly List<ProvisioningEnrollment> _enrollments = [];
    readonly HashSet<(string From, int RequestId)> _informsActedOn = [];
    readonly Dictionary<AddressFamily, IDatagramSocket> _receivers = [];
    readonly Dictionary<AddressFamily, IDatagramSocket> _managers = [];
    ReplyComposer<ProvisioningSend>? _composer;
    ServerRuntime? _runtime;
    ProvisioningDatabase? _database;
    Scheduler? _scheduler;
    HashSet<string> _communities = [];

    public OverrideSet Overrides { get; } = new();

    /// <summary>The eUE 3-tuples the DHCP servers reported (EUE-PROV 6.2.2), when the composition wires them.</summary>
    public EueBindings? Bindings => bindings;

    /// <summary>This entity's SNMP engine (authoritative for the INFORMs it receives).</summary>
    public SnmpEngine Engine { get; private set; } = null!;

    /// <summary>The command generator, for a scenario's own GETs and SETs (call it on the fabric's actor context).</summary>
    public SnmpRequester Requester { get; private set; } = null!;

    /// <summary>Every notification accepted, in order (a retransmitted INFORM once).</summary>
    public IReadOnlyList<ProvisioningNotification> Notifications { get { lock (_gate) return [.. _notifications]; } }

    /// <summary>One entry per enrollment INFORM, updated as the GET, SET and status INFORM happen.</summary>
    public IReadOnlyList<ProvisioningEnrollment> Enrollments { get { lock (_gate) return [.. _enrollments]; } }

    /// <summary>Raised on the actor context with an enrollment as it is made and each time it changes (a step awaits "the SET was answered" here).</summary>
    public event Action<ProvisioningEnrollment>? EnrollmentChanged;

    ServerRuntime Runtime => _runtime ?? throw new InvalidOperationException("the provisioning server is not started");
    ProvisioningSnmpSettings Settings => _database!.Provisioning;

    public void Start(ServerRuntime runtime, ProvisioningDatabase database)
    {
        _runtime = runtime;
        _database = database;
        _scheduler = new Scheduler(runtime.Clock);
        _communities = [.. database.Provisioning.NotificationCommunities];
        _composer = new ReplyComposer<ProvisioningSend>(Overrides, ProvisioningEditor.Apply);
        var random = new Random(seed);
        // RFC 3411 §5 SnmpEngineID: enterprise 4491 with the first bit set, format 3 (a MAC address), the host's MAC.
        byte[] engineId = [0x80, 0x00, 0x11, 0x8B, 0x03, .. runtime.Host.Mac.GetAddressBytes()];
        Engine = new SnmpEngine(engineId, boots: 1, runtime.Clock, salt: new UsmSaltCounter((ulong)random.NextInt64()), random: random);
        foreach (var user in database.Provisioning.Users) Engine.AddUser(user.Credentials.ForEngine(Engine.EngineId));
        Requester = new SnmpRequester(Engine, SendRequestDatagram, Decode, continueOnCapturedContext: true);

        var families = runtime.Host.Addresses.Select(a => a.Address.AddressFamily).Distinct().ToList();
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 }.Where(families.Contains))
        {
            var any = family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any;
            var receiver = runtime.Host.OpenUdp(new IPEndPoint(any, NotificationPort));
            receiver.Received = d => OnNotificationPort(receiver, d);
            _receivers[family] = receiver;
            var manager = runtime.Host.OpenUdp(new IPEndPoint(any, 0));
            manager.Received = d => OnManagerPort(manager, d);
            _managers[family] = manager;
        }
    }

    // ------------------------------------------------------------------ the notification port (162)

    void OnNotificationPort(IDatagramSocket socket, Datagram d)
    {
        var local = new IPEndPoint(d.Destination.Address, NotificationPort);
        var intake = NotificationIntake.Process(Engine, _communities, d.Payload.Span, Decode);
        if (intake.Message is null)
        {
            Runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, "undecodable", new Dictionary<string, string>(), null,
                d.Payload, error: intake.Error);
            return;
        }
        var notification = intake.IsNotification ? Classify(intake, d) : null;
        List<PlannedReply<ProvisioningSend>> requests = [];
        ProvisioningEnrollment? enrollment = null;
        var decision = _composer!.Compose(SnmpEvidence.KindOf(intake.Pdu), notification?.Mac, notes =>
        {
            if (intake.Refusal is { } refusal) notes.Add(refusal);
            var drafts = new List<ReplyDraft<ProvisioningSend>>();
            if (intake.Answer is { } answer)
                drafts.Add(new ReplyDraft<ProvisioningSend>(SnmpEvidence.KindOf(answer.Type), null, _ => new NotificationAnswer(answer, intake.EncodeAnswer!), d.Source, _ => null));
            if (notification is not null && Record(notification, notes) is { } enrolled)
            {
                enrollment = enrolled;
                drafts.AddRange(EnrollmentRequests(enrolled, notes));
            }
            return drafts;
        }, request: notification);
        Runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, SnmpEvidence.KindOf(intake.Pdu),
            SnmpEvidence.Of(intake.Message, intake.Pdu), (object?)notification ?? intake.Message, d.Payload, decision.Notes);
        foreach (var reply in decision.Replies)
        {
            if (reply.Message is NotificationAnswer) _scheduler!.After(reply.Delay, () => SendAnswer(socket, local, reply));
            else requests.Add(reply);
        }
        if (enrollment is not null && requests.Count > 0) _ = RunRequestsAsync(enrollment, requests);
    }

    ProvisioningNotification Classify(NotificationIntake intake, Datagram d)
    {
        var pdu = intake.Pdu!;
        var trapOid = pdu is TrapV1Pdu v1 ? v1.SnmpTrapOid
            : pdu.VarBinds.FirstOrDefault(v => v.Name == SnmpTrapOidInstance)?.Value.ObjectIdentifierValue;
        var kind = MtaMib.Classify(trapOid);
        var mac = kind?.Mib.MacIn(pdu.VarBinds) ?? bindings?.FindByAddress(d.Source.Address)?.Mac;
        return new ProvisioningNotification(Runtime.Clock.GetUtcNow(), d.Source, intake.Version!.Value, intake.Community, intake.UserName, intake.Level,
            pdu, trapOid, kind?.Mib, kind?.Enrollment ?? false, mac);
    }

    static readonly ObjectIdentifier SnmpTrapOidInstance = Protocols.Snmp.Mibs.MibNames.Snmpv2.SnmpTrapOID.InstanceId(0);

    /// <summary>Keeps an accepted notification; returns the new enrollment when it is a first enrollment INFORM.</summary>
    ProvisioningEnrollment? Record(ProvisioningNotification n, List<string> notes)
    {
        if (n.IsInform && !_informsActedOn.Add((n.From.ToString(), ((Pdu)n.Pdu).RequestId)))
        {
            notes.Add("a retransmitted INFORM: answered again, acted on once");
            return null;
        }
        lock (_gate) _notifications.Add(n);
        if (n.Mib is null) { notes.Add($"notification {n.TrapOid?.ToString() ?? "without snmpTrapOID"} kept"); return null; }
        if (!n.IsEnrollment)
        {
            ProvisioningEnrollment? changed;
            var state = n.Mib.StateIn(n.Pdu.VarBinds);
            notes.Add($"provisioning status (eUE-25) from {n.Mac?.ToString() ?? n.From.ToString()}: pktcMtaDevProvisioningState {state?.ToString() ?? "absent"}");
            lock (_gate)
            {
                int i = _enrollments.FindLastIndex(e => n.Mac is not null ? n.Mac.Equals(e.Mac) : e.Inform.From.Address.Equals(n.From.Address));
                if (i >= 0) _enrollments[i] = _enrollments[i] with { ReportedState = state, Status = n };
                else notes.Add("no enrollment of this eUE before it (a Basic flow eUE, or it enrolled elsewhere)");
                changed = i >= 0 ? _enrollments[i] : null;
            }
            if (changed is not null) EnrollmentChanged?.Invoke(changed);
            return null;
        }
        if (!n.IsInform) { notes.Add("an enrollment sent as a trap, not an INFORM (eUE-15 says INFORM): not acted on"); return null; }
        var enrollment = new ProvisioningEnrollment(n) { Agent = new IPEndPoint(n.From.Address, Settings.AgentPort) };
        lock (_gate) _enrollments.Add(enrollment);
        notes.Add($"enrollment (eUE-15) of {n.Mac?.ToString() ?? "an eUE that gives no MAC"} in {n.Mib}");
        EnrollmentChanged?.Invoke(enrollment);
        return enrollment;
    }

    void SendAnswer(IDatagramSocket socket, IPEndPoint local, PlannedReply<ProvisioningSend> reply)
    {
        var answer = (NotificationAnswer)reply.Message;
        var bytes = answer.Encode(answer.Pdu);
        socket.Send(bytes, reply.Destination, reply.Source);
        Runtime.Evidence.Publish(Service, Direction.Sent, local, reply.Destination, SnmpEvidence.Protocol, reply.Kind,
            SnmpEvidence.Of(SnmpMessage.Decode(bytes, Decode), answer.Pdu), answer.Pdu, bytes);
    }

    // ------------------------------------------------------------------ eUE-16/17 and eUE-19

    /// <summary>The GET (when the database lists objects) and the SET, as drafts for the overrides.</summary>
    IEnumerable<ReplyDraft<ProvisioningSend>> EnrollmentRequests(ProvisioningEnrollment enrollment, List<string> notes)
    {
        var n = enrollment.Inform;
        var agent = enrollment.Agent!;
        var target = TargetFor(n, agent);
        if (target is null) { notes.Add($"no SNMPv3 user '{n.UserName}' in the database's provisioning section: no GET or SET"); yield break; }
        if (Settings.Query.Count > 0)
            yield return new ReplyDraft<ProvisioningSend>("GetRequest", null, _ => new AgentRequest(Pdu.Request(PduType.GetRequest, 0, [.. Settings.Query]), target), agent, _ => null);
        if (!Settings.SetConfigFile) { notes.Add("eUE-19 SET left to the scenario (set-config-file: false)"); yield break; }
        var eue = n.Mac is null ? null : _database!.FindEue(n.Mac);
        if (eue is null) { notes.Add($"eUE {n.Mac?.ToString() ?? "of unknown MAC"} is not in the database: no SET"); yield break; }
        var (varBinds, problem) = ConfigFileSet.For(_database!, eue, n.Mib!, agent.AddressFamily);
        if (varBinds is null)
        {
            notes.Add(problem!);
            Update(enrollment, e => e with { Problem = problem });
            yield break;
        }
        yield return new ReplyDraft<ProvisioningSend>("SetRequest", null, _ => new AgentRequest(new Pdu(PduType.SetRequest, 0, SnmpErrorStatus.NoError, 0, varBinds), target), agent, _ => null);
    }

    /// <summary>The eUE is asked in the version and security its INFORM came with (a v2c INFORM: the server's community).</summary>
    SnmpTarget? TargetFor(ProvisioningNotification n, IPEndPoint agent)
    {
        if (n.Version == SnmpVersion.V3)
        {
            var user = n.UserName is null ? null : Settings.FindUser(n.UserName);
            if (user is null) return null;
            return SnmpTarget.V3(agent, user.Credentials, n.Level) with { Timeout = Settings.Timeout, Retries = Settings.Retries };
        }
        return SnmpTarget.V2c(agent, Settings.Community) with { Timeout = Settings.Timeout, Retries = Settings.Retries };
    }

    /// <summary>The requests one after the other (eUE-19 after eUE-17), each after its delay; outcomes go into the enrollment.</summary>
    async Task RunRequestsAsync(ProvisioningEnrollment enrollment, IReadOnlyList<PlannedReply<ProvisioningSend>> requests)
    {
        var stopping = _scheduler!.Stopping;
        foreach (var reply in requests)
        {
            var request = (AgentRequest)reply.Message;
            try
            {
                if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, Runtime.Clock, stopping);
                var response = await Requester.RequestAsync(request.Target, request.Pdu, stopping);
                var problem = response.ErrorStatus == SnmpErrorStatus.NoError ? null
                    : $"{reply.Kind} answered {response.ErrorStatus.Describe()} at varbind {response.ErrorIndex}";
                Update(enrollment, e => request.Pdu.Type == PduType.SetRequest
                    ? e with { Set = request.Pdu.VarBinds, SetResponse = response.Pdu, Problem = problem ?? e.Problem }
                    : e with { Capabilities = response.VarBinds, Problem = problem ?? e.Problem });
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (SnmpException e)
            {
                Update(enrollment, x => request.Pdu.Type == PduType.SetRequest
                    ? x with { Set = request.Pdu.VarBinds, Problem = $"{reply.Kind}: {e.Message}" }
                    : x with { Problem = $"{reply.Kind}: {e.Message}" });
            }
        }
    }

    void Update(ProvisioningEnrollment enrollment, Func<ProvisioningEnrollment, ProvisioningEnrollment> change)
    {
        ProvisioningEnrollment? changed = null;
        lock (_gate)
        {
            int i = _enrollments.FindIndex(e => e.Inform == enrollment.Inform);
            if (i >= 0) changed = _enrollments[i] = change(_enrollments[i]);
        }
        if (changed is not null) EnrollmentChanged?.Invoke(changed);
    }

    // ------------------------------------------------------------------ the manager port

    ValueTask SendRequestDatagram(ReadOnlyMemory<byte> datagram, IPEndPoint to, CancellationToken cancellationToken)
    {
        if (!_managers.TryGetValue(to.AddressFamily, out var socket))
            throw new SocketException((int)SocketError.AddressFamilyNotSupported);
        socket.Send(datagram.Span, to);
        SnmpMessage? message = null;
        try { message = SnmpMessage.Decode(datagram.Span, Decode); } catch (ParseError) { }
        var pdu = message is null ? null : Readable(message);
        Runtime.Evidence.Publish(Service, Direction.Sent, socket.LocalEndPoint, to, SnmpEvidence.Protocol, SnmpEvidence.KindOf(pdu),
            message is null ? new Dictionary<string, string>() : SnmpEvidence.Of(message, pdu), pdu, datagram);
        return ValueTask.CompletedTask;
    }

    void OnManagerPort(IDatagramSocket socket, Datagram d)
    {
        var local = new IPEndPoint(d.Destination.Address, socket.LocalEndPoint.Port);
        SnmpMessage message;
        try { message = SnmpMessage.Decode(d.Payload.Span, Decode); }
        catch (ParseError e)
        {
            Engine.Counters.Increment(SnmpCounter.SnmpInASNParseErrs);
            Runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, "undecodable", new Dictionary<string, string>(), null, d.Payload, error: e.Message);
            return;
        }
        bool ours = Requester.Owns(message);
        var readable = Readable(message);
        Runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, SnmpEvidence.KindOf(readable),
            SnmpEvidence.Of(message, readable), (object?)readable ?? message, d.Payload, ours ? null : ["not an answer to a request of ours: ignored"]);
        if (ours) Requester.Deliver(message, d.Payload.Span, d.Source);
    }

    /// <summary>
    /// The PDU of a message for the evidence: in the clear, or decrypted with the privacy key of the user it
    /// names, localized for its authoritative engine, when this engine holds that key (what it sends to an
    /// eUE and what the eUE answers). Only decryption: no MAC check, no counters (the requester does those).
    /// </summary>
    SnmpPdu? Readable(SnmpMessage message)
    {
        if (SnmpEvidence.PduOf(message) is { } plain) return plain;
        if (message is not SnmpV3Message { EncryptedPdu: { } encrypted } v3) return null;
        try
        {
            var p = UsmSecurityParameters.Decode(v3.SecurityParameters);
            var user = Engine.Users.Find(p.AuthoritativeEngineId, p.UserName);
            if (user is null || !user.TryDecrypt(p.AuthoritativeEngineBoots, p.AuthoritativeEngineTime, p.PrivacyParameters, encrypted, out var scoped)) return null;
            return ScopedPdu.Decode(scoped, Decode, allowPadding: user.PrivProtocol == UsmPrivProtocol.Des).Pdu;
        }
        catch (ParseError) { return null; }
    }

    public ValueTask DisposeAsync()
    {
        _scheduler?.Dispose();
        foreach (var s in _receivers.Values.Concat(_managers.Values)) s.Dispose();
        _receivers.Clear();
        _managers.Clear();
        return ValueTask.CompletedTask;
    }
}
