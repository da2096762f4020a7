using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Sip;

namespace EUeConformance.Headend.Servers.Sip;

/// <summary>
/// A silent watcher at the P-CSCF's address and SIP port (UDP 5060): every SIP request the eUE sends there (a REGISTER, say)
/// becomes evidence under "sip", so that a scenario can tell when the eUE first tried to register (EUE-PROV 6.6.5 ¶8: Certificate
/// Bootstrapping comes before any SIP registration). It answers nothing: the suite plays no registrar.
/// </summary>
public sealed class SipWatch(ServerRuntime runtime, IPAddress bindAddress)
    : UdpServer<SipRequest>(runtime, new IPEndPoint(bindAddress, SipRequest.Port))
{
    protected override string Protocol => SipRequest.Protocol;
    protected override string DefaultService => "sip";
    protected override SipRequest Decode(ReadOnlySpan<byte> payload) => SipRequest.Decode(payload);
    protected override byte[] Encode(SipRequest message) => message.Encode();
    protected override string KindOf(SipRequest message) => message.Method;

    protected override IReadOnlyDictionary<string, string> FieldsOf(SipRequest m)
    {
        var f = new Dictionary<string, string> { ["sip.Method"] = m.Method, ["sip.r-uri"] = m.RequestUri };
        if (m.Header("From") is { } from) f["sip.from.addr"] = from;
        if (m.AuthorizationUsername is { } user) f["sip.auth.username"] = user;
        return f;
    }

    protected override (string Service, Decision<SipRequest> Decision) Decide(SipRequest message, Datagram datagram) =>
        (DefaultService, Decision<SipRequest>.Nothing());
}
