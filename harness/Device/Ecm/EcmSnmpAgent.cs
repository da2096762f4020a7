using System.Net;
using EUeConformance.Device.Options;
using EUeConformance.Device.Runtime;
using EUeConformance.Network.Fabric;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The eCM's SNMP agent, reduced to what the suite uses of DOCSIS management: the system group and
/// docsDevResetNow (RFC 4639), which an operator SETs to reset the modem (and with it the eUE) — the reset the
/// 'external' DUT adapter performs on a bench device. Answers SNMPv1/v2c on the eCM's address with the
/// operator's community (IXIT).
/// </summary>
public sealed class EcmSnmpAgent(INetworkHost host, DeviceContext context, ReferenceDeviceOptions options, Random random)
{
    IDatagramSocket? _socket;

    /// <summary>docsDevResetNow was SET to true.</summary>
    public event Action? ResetRequested;

    public void Open(IPAddress address)
    {
        Close();
        var engine = new SnmpEngine([0x80, 0x00, 0x11, 0x8B, 0x03, .. options.Identity.EcmMac.GetAddressBytes()], 1, context.Clock, random: random);
        var tree = new MibTree();
        StandardObjects.Register(tree, engine, "EUeConformance reference eCM", ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.1"));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevResetNow, () => SnmpValue.TruthValue(false), write: v =>
        {
            if (v.ToInt32() == 1) ResetRequested?.Invoke();
            return true;
        }));
        var agent = new SnmpAgent(engine, tree, new SnmpAgentOptions
        {
            Communities = new Dictionary<string, SnmpAccess> { [options.Management.ReadCommunity] = SnmpAccess.ReadOnly, [options.Management.EcmWriteCommunity] = SnmpAccess.ReadWrite },
            Versions = new HashSet<SnmpVersion> { SnmpVersion.V1, SnmpVersion.V2c },
            ContinueOnCapturedContext = true,
        });
        var socket = _socket = host.OpenUdp(new IPEndPoint(address, options.Management.AgentPort));
        socket.Received = d => { if (agent.Handle(d.Payload.Span, d.Source) is { } reply) socket.Send(reply, d.Source); };
        context.Log("ecm", "event", $"SNMP agent on {socket.LocalEndPoint}");
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
