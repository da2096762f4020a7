using System.Net;
using EUeConformance.Device.Eue.Services;
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
/// operator's community (IXIT). It also carries the docsDevSoftware group of RFC 4639 (EUE-PROV 6.2.1 bullet 2: the
/// E-UE supports DOCSIS software download): a SET of docsDevSwAdminStatus to upgradeFromMgt(1) makes the eCM fetch
/// docsDevSwFilename from docsDevSwServerAddress over TFTP; and the eDOCSIS ESAFE-MIB's esafeDevServiceIntImpact for
/// the eUE's eSAFE (ifIndex 16), which the eUE supplies (EUE-PROV 6.6.3).
/// </summary>
public sealed class EcmSnmpAgent(INetworkHost host, DeviceContext context, ReferenceDeviceOptions options, Random random)
{
    IDatagramSocket? _socket;
    IPAddress? _address;
    string _swFilename = "";
    byte[] _swServer = [];
    int _swServerType;
    int _swTransport = 1;
    int _swOperStatus = 5;
    int _swGeneration;

    /// <summary>docsDevResetNow was SET to true.</summary>
    public event Action? ResetRequested;

    /// <summary>EUE-PROV 6.6.3: the eUE's service interruption impact (esafeDevServiceIntImpact: 1 significant, 2 none, 3 unsupported); null: not reported.</summary>
    public Func<int?>? ServiceImpact { get; set; }

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
        RegisterSoftware(tree);
        tree.Register(new SingleInstance(MibNames.Esafe.EsafeDevServiceIntImpact, MibNames.Esafe.PacketCableIfIndex,
            () => ServiceImpact?.Invoke() is { } impact ? SnmpValue.Integer(impact) : null));
        _address = address;
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
        _address = null;
        _swGeneration++;
    }

    // ---- docsDevSoftware (RFC 4639) ----

    void RegisterSoftware(MibTree tree)
    {
        var d = MibNames.DocsCableDevice.DocsDevSwServer;
        tree.Register(new MibScalar(d, () => SnmpValue.IpAddress(_swServerType == 1 && _swServer.Length == 4 ? new IPAddress(_swServer) : IPAddress.Any),
            write: v => { _swServer = v.Bytes.ToArray(); _swServerType = 1; return true; }));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwFilename, () => SnmpValue.OctetString(_swFilename),
            write: v => { _swFilename = v.ToText(); return true; }));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwServerAddressType, () => SnmpValue.Integer(_swServerType),
            write: v => { _swServerType = v.ToInt32(); return true; }));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwServerAddress, () => SnmpValue.OctetString(_swServer),
            write: v => { _swServer = v.Bytes.ToArray(); return true; }));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwServerTransportProtocol, () => SnmpValue.Integer(_swTransport),
            write: v => { _swTransport = v.ToInt32(); return true; }));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwCurrentVers, () => SnmpValue.OctetString(options.Identity.SoftwareVersion)));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwOperStatus, () => SnmpValue.Integer(_swOperStatus)));
        tree.Register(new MibScalar(MibNames.DocsCableDevice.DocsDevSwAdminStatus, () => SnmpValue.Integer(2),
            write: v =>
            {
                // RFC 4639: upgradeFromMgt(1) starts the download at once (after the Response: the commit only schedules it).
                if (v.ToInt32() == 1 && options.Behaviour.SoftwareDownload.StartsDownload) context.Spawn(DownloadImageAsync);
                return true;
            }));
    }

    IPAddress? ServerAddress() => (_swServerType, _swServer.Length) switch
    {
        (1, 4) or (2, 16) => new IPAddress(_swServer),
        _ => null,
    };

    async Task DownloadImageAsync()
    {
        await Task.Yield();
        int generation = ++_swGeneration;
        var server = ServerAddress();
        var source = _address;
        if (server is null || source is null || server.AddressFamily != source.AddressFamily) { _swOperStatus = 4; return; }
        _swOperStatus = 1;
        context.Log("ecm", "event", $"software download: TFTP read request for '{_swFilename}' from {server}");
        var result = await new TftpDownloader(host, context.Clock, options.Timers).DownloadAsync(server, 69, _swFilename, null, source);
        if (generation != _swGeneration) return;
        // The image itself is not verified here (DOCSIS code verification needs a signed image): a complete transfer counts.
        _swOperStatus = result.Succeeded ? 3 : 4;
        context.Log("ecm", "event", result.Succeeded ? $"software download: {result.Content!.Length} bytes received" : $"software download failed: {result.Failure}");
    }

    /// <summary>One instance (<paramref name="index"/>) of a read-only table column.</summary>
    sealed class SingleInstance(MibObject column, uint index, Func<SnmpValue?> read) : IMibHandler
    {
        readonly ObjectIdentifier _instance = column.Id.Append(index);
        public ObjectIdentifier Subtree => column.Id;
        public SnmpValue Get(ObjectIdentifier instance) => instance == _instance ? read() ?? SnmpValue.NoSuchInstance : SnmpValue.NoSuchInstance;
        public VarBind? GetNext(ObjectIdentifier after) => _instance.CompareTo(after) > 0 && read() is { } v ? new VarBind(_instance, v) : null;
        public SetTest TestSet(IReadOnlyList<SetItem> items) => SetTest.Fail(items[0].Index, SnmpErrorStatus.NotWritable);
    }
}

/// <summary>EUE-PROV 6.2.1 bullet 2 (DOCSIS software download), overridable for a mutant that ignores the trigger.</summary>
public class SoftwareDownloadPolicy
{
    /// <summary>docsDevSwAdminStatus = upgradeFromMgt(1) starts the download.</summary>
    public virtual bool StartsDownload => true;
}
