using System.Net;
using System.Net.Sockets;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Usm;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.Provisioning;

/// <summary>One notification a management station of TLV 38 received: how it came (version, security) and its PDU.</summary>
/// <param name="Version">SNMPv1, v2c or v3, as the message said.</param>
/// <param name="Pdu">The PDU (a v1 Trap, an SNMPv2-Trap or an InformRequest); null when an SNMPv3 PDU could not be read.</param>
public sealed record CollectedNotification(SnmpVersion Version, SnmpPdu? Pdu, string? Community, string? UserName, UsmSecurityLevel? Level, IPEndPoint To)
{
    public PduType? Type => Pdu?.Type;
}

/// <summary>
/// The management stations a configuration file's TLV 38 entries name (PKT-PROV1.5 TLV-38 as EUE-PROV 6.5 adapts it):
/// an SNMP notification receiver (RFC 3413 §3.4) on the UDP ports the scenario asks for, on every address of the
/// headend, so that where a notification lands (38.1 or 38.8 address, 38.2 port) is evidence. It accepts whatever
/// community an SNMPv1/v2c notification carries and any SNMPv3 user at noAuthNoPriv (an eUE outside the Secure flow
/// has no keys: PKT-PROV1.5 names the TLV 38 security name, "@mtaconfig" by default, without authentication), answers
/// SNMPv3 discovery with a Report, and acknowledges InformRequests unless told not to (<see cref="Acknowledge"/>:
/// the eUE's 38.4 timeout and 38.5 retries become visible). Every datagram is evidence under <see cref="Service"/>.
/// </summary>
public sealed class NotificationCollector(ServerRuntime runtime, IReadOnlyList<int> ports) : IAsyncDisposable
{
    public const string Service = "snmp-receiver";
    static readonly SnmpDecodeOptions Decode = SnmpDecodeOptions.Rfc3417;

    readonly List<IDatagramSocket> _sockets = [];
    readonly object _gate = new();
    readonly List<(DateTimeOffset At, IPEndPoint From, CollectedNotification Notification)> _received = [];
    volatile bool _acknowledge = true;

    /// <summary>The ports it listens on (each on IPv4 and IPv6 when the headend has them).</summary>
    public IReadOnlyList<int> Ports => ports;

    /// <summary>Answer InformRequests (RFC 3416 §4.2.7); false leaves them unanswered so the sender retransmits.</summary>
    public bool Acknowledge { get => _acknowledge; set => _acknowledge = value; }

    /// <summary>This receiver's SNMP engine (authoritative for the SNMPv3 INFORMs it receives).</summary>
    public SnmpEngine Engine { get; private set; } = null!;

    /// <summary>Every notification received, in order (retransmissions included).</summary>
    public IReadOnlyList<(DateTimeOffset At, IPEndPoint From, CollectedNotification Notification)> Received { get { lock (_gate) return [.. _received]; } }

    /// <summary>Opens the sockets; call on the actor context.</summary>
    public void Start()
    {
        // RFC 3411 §5: enterprise 4491, format 3 (MAC), a MAC of its own so that it differs from the provisioning server's engine.
        var mac = runtime.Host.Mac.GetAddressBytes();
        mac[^1] ^= 0x5A;
        Engine = new SnmpEngine([0x80, 0x00, 0x11, 0x8B, 0x03, .. mac], boots: 1, runtime.Clock);
        var families = runtime.Host.Addresses.Select(a => a.Address.AddressFamily).Distinct().ToList();
        foreach (int port in ports)
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 }.Where(families.Contains))
            {
                var socket = runtime.Host.OpenUdp(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, port));
                socket.Received = d => OnDatagram(socket, port, d);
                _sockets.Add(socket);
            }
    }

    void OnDatagram(IDatagramSocket socket, int port, Datagram d)
    {
        var local = new IPEndPoint(d.Destination.Address, port);
        SnmpMessage message;
        try { message = SnmpMessage.Decode(d.Payload.Span, Decode); }
        catch (ParseError e)
        {
            runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, "undecodable", new Dictionary<string, string>(), null, d.Payload, error: e.Message);
            return;
        }
        if (message is SnmpV3Message v3) LearnUser(v3);
        var communities = message is CommunityMessage c ? new HashSet<string> { c.CommunityText } : new HashSet<string>();
        var intake = NotificationIntake.Process(Engine, communities, d.Payload.Span, Decode);
        var notes = new List<string>();
        if (intake.Refusal is { } refusal) notes.Add(refusal);
        CollectedNotification? notification = intake.IsNotification
            ? new CollectedNotification(intake.Version!.Value, intake.Pdu, intake.Community, intake.UserName, intake.Level, local)
            : null;
        if (notification is not null) lock (_gate) _received.Add((runtime.Clock.GetUtcNow(), d.Source, notification));
        bool answer = intake.Answer is not null && (intake.Answer.Type == PduType.Report || Acknowledge);
        if (intake.IsInform && !Acknowledge) notes.Add("InformRequest left unanswered on purpose (the sender's timeout and retries are under test)");
        runtime.Evidence.Publish(Service, Direction.Received, local, d.Source, SnmpEvidence.Protocol, SnmpEvidence.KindOf(intake.Pdu),
            SnmpEvidence.Of(message, intake.Pdu), (object?)notification ?? message, d.Payload, notes);
        if (!answer) return;
        var bytes = intake.EncodeAnswer!(intake.Answer!);
        socket.Send(bytes, d.Source, local.Address);
        runtime.Evidence.Publish(Service, Direction.Sent, local, d.Source, SnmpEvidence.Protocol, SnmpEvidence.KindOf(intake.Answer!.Type),
            SnmpEvidence.Of(SnmpMessage.Decode(bytes, Decode), intake.Answer), intake.Answer, bytes);
    }

    /// <summary>
    /// An SNMPv3 message at noAuthNoPriv from a user this receiver does not know yet: the user is added for the message's
    /// authoritative engine (the receiver's own for an INFORM, the sender's for a trap), without keys.
    /// </summary>
    void LearnUser(SnmpV3Message v3)
    {
        if ((v3.Flags & 0x01) != 0) return; // authFlag: keys this receiver does not have
        UsmSecurityParameters p;
        try { p = UsmSecurityParameters.Decode(v3.SecurityParameters); }
        catch (ParseError) { return; }
        if (p.UserName.Length == 0 || p.AuthoritativeEngineId.Length == 0) return;
        if (Engine.Users.Find(p.AuthoritativeEngineId, p.UserName) is null)
            Engine.AddUser(UsmCredentials.WithoutSecurity(System.Text.Encoding.UTF8.GetString(p.UserName)).ForEngine(p.AuthoritativeEngineId));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var s in _sockets) s.Dispose();
        _sockets.Clear();
        return ValueTask.CompletedTask;
    }
}
