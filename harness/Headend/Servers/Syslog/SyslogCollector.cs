using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Syslog;

namespace EUeConformance.Headend.Servers.Syslog;

/// <summary>
/// The Syslog Server (EUE-PROV 6.2.7, interface pkt-eue-6; eUE-24's "provisioning complete" event): BSD
/// syslog over UDP port 514 (RFC 3164). Every packet is kept, in whichever RFC 3164 §4.3 layout it came;
/// judging the layout is a verdict's business. It never answers.
/// </summary>
public sealed class SyslogCollector(ServerRuntime runtime, IPAddress bindAddress)
    : UdpServer<SyslogMessage>(runtime, new IPEndPoint(bindAddress, SyslogMessage.Port))
{
    readonly List<(IPEndPoint From, SyslogMessage Message)> _messages = [];
    readonly object _gate = new();

    /// <summary>What arrived so far, in order.</summary>
    public IReadOnlyList<(IPEndPoint From, SyslogMessage Message)> Messages { get { lock (_gate) return [.. _messages]; } }

    protected override string Protocol => "syslog";
    protected override string DefaultService => "syslog";

    protected override SyslogMessage Decode(ReadOnlySpan<byte> payload) => SyslogMessage.Decode(payload);
    protected override byte[] Encode(SyslogMessage message) => message.Encode();
    protected override string KindOf(SyslogMessage message) => "MSG";

    protected override IReadOnlyDictionary<string, string> FieldsOf(SyslogMessage m)
    {
        var f = new Dictionary<string, string> { ["syslog.msg"] = m.MsgText };
        if (m.Priority is { } p)
        {
            f["syslog.facility"] = ((int)p.Facility).ToString(CultureInfo.InvariantCulture);
            f["syslog.level"] = ((int)p.Severity).ToString(CultureInfo.InvariantCulture);
        }
        if (m.Timestamp is { } t) f["syslog.timestamp"] = t.ToString();
        if (m.Hostname is { } h) f["syslog.hostname"] = h;
        f["headend.syslog.layout"] = m.Layout.ToString();
        return f;
    }

    protected override (string, Decision<SyslogMessage>) Decide(SyslogMessage message, Datagram datagram)
    {
        lock (_gate) _messages.Add((datagram.Source, message));
        return (DefaultService, Decision<SyslogMessage>.Nothing());
    }
}
