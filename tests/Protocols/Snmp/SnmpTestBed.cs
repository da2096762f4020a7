using System.Net;
using System.Threading.Channels;
using EUeConformance.Network.Time;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Manager;
using EUeConformance.Protocols.Snmp.Mibs;
using EUeConformance.Protocols.Snmp.Usm;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>
/// An eUE-like agent for the role tests: the standard objects, the RFC 4682 objects the provisioning
/// flows set (pktcMtaDevConfigFile, …ProvConfigHash, …ProvConfigKey), pktcMtaDevProvisioningState,
/// the realm table (RowStatus; name and organization name required together, EUE-PROV 6.4.2.1) and
/// the error table; communities public (read) and private (write); the USM users of UsmTestData, keys
/// localized for its engine; a virtual clock.
/// </summary>
sealed class SnmpTestBed
{
    public static readonly IPEndPoint AgentEndPoint = new(IPAddress.Parse("10.0.0.2"), 161);
    public static readonly IPEndPoint ManagerEndPoint = new(IPAddress.Parse("10.0.0.1"), 40161);
    public const string SysDescr = "PacketCable 2.0 E-UE reference device";
    public static readonly MibObject TestCounter64 = new("EUE-CONFORMANCE-TEST-MIB", "testCounter64", "1.3.6.1.4.1.4491.99.1", "Counter64", MibAccess.ReadOnly);

    static readonly Lazy<UsmCredentials> ShaAes = new(() => UsmCredentials.FromPasswords("provserver", UsmAuthProtocol.HmacSha, UsmTestData.AuthPassword, UsmPrivProtocol.AesCfb128, UsmTestData.PrivPassword));
    static readonly Lazy<UsmCredentials> Md5Des = new(() => UsmCredentials.FromPasswords("md5des", UsmAuthProtocol.HmacMd5, UsmTestData.AuthPassword, UsmPrivProtocol.Des, UsmTestData.PrivPassword));
    static readonly Lazy<UsmCredentials> ShaOnly = new(() => UsmCredentials.FromPasswords("authonly", UsmAuthProtocol.HmacSha, UsmTestData.AuthPassword));
    public static UsmCredentials ShaAesCredentials => ShaAes.Value;
    public static UsmCredentials Md5DesCredentials => Md5Des.Value;
    public static UsmCredentials ShaOnlyCredentials => ShaOnly.Value;

    public VirtualClock Clock { get; } = new();
    public SnmpEngine Engine { get; }
    public MibTree Mib { get; } = new();
    public SnmpAgent Agent { get; }
    public MibScalar ConfigFile { get; }
    public MibTableHandler Realms { get; }
    public MibTableHandler Errors { get; }
    /// <summary>What pktcMtaDevConfigFile's test answers: inconsistentValue outside the SNMP enrollment flows (RFC 4682).</summary>
    public bool EnrollmentFlow { get; set; } = true;

    /// <param name="time">The engine's clock: the virtual <see cref="Clock"/> unless given (real peers need the real one).</param>
    public SnmpTestBed(int boots = 3, SnmpAgentOptions? options = null, TimeProvider? time = null)
    {
        Engine = new SnmpEngine(UsmTestData.EngineId, boots, time ?? Clock,
            [UsmTestData.ShaAesUser, UsmTestData.Md5DesUser, UsmTestData.ShaOnlyUser, UsmTestData.NoAuthUser], new UsmSaltCounter(1));
        StandardObjects.Register(Mib, Engine, SysDescr, ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.10"), "eue-0001");
        var ietf = MibNames.IetfMta.PktcMtaDevConfigFile;
        ConfigFile = Mib.Register(MibScalar.Variable(ietf, SnmpValue.OctetString(""),
            test: _ => EnrollmentFlow ? SnmpErrorStatus.NoError : SnmpErrorStatus.InconsistentValue));
        Mib.Register(MibScalar.Variable(MibNames.IetfMta.PktcMtaDevProvConfigHash, SnmpValue.OctetString(new byte[20])));
        Mib.Register(MibScalar.Variable(MibNames.IetfMta.PktcMtaDevProvConfigKey, SnmpValue.OctetString(new byte[32])));
        Mib.Register(MibScalar.Variable(MibNames.IetfMta.PktcMtaDevProvisioningTimer, SnmpValue.Gauge32(10)));
        Mib.Register(new MibScalar(MibNames.IetfMta.PktcMtaDevProvisioningState, () => SnmpValue.Integer(2)));
        Mib.Register(new MibScalar(TestCounter64, () => SnmpValue.Counter64(1UL << 40)));
        Realms = Mib.Register(new MibTableHandler(MibNames.IetfMta.PktcMtaDevRealmTable, new MibTableOptions
        {
            RequiredColumns = ["pktcMtaDevRealmName", "pktcMtaDevRealmOrgName"],
            ValidateRow = row => row["pktcMtaDevRealmName"] is { } name && name.Bytes.Length > 0 && char.IsLower((char)name.Bytes[0])
                ? SnmpErrorStatus.InconsistentValue // realm names are upper case (protocol-facts §1.1); a test of the row hook
                : SnmpErrorStatus.NoError,
        }));
        Errors = Mib.Register(new MibTableHandler(MibNames.IetfMta.PktcMtaDevErrorOidsTable));
        Agent = new SnmpAgent(Engine, Mib, options ?? new SnmpAgentOptions
        {
            Communities = new Dictionary<string, SnmpAccess> { ["public"] = SnmpAccess.ReadOnly, ["private"] = SnmpAccess.ReadWrite },
        });
    }

    /// <summary>A manager on its own engine, linked to the agent in-process (see <see cref="DirectLink"/>).</summary>
    public (SnmpManager Manager, DirectLink Link) Manager()
    {
        var engine = new SnmpEngine(UsmTestData.OtherEngineId, 1, Clock, salt: new UsmSaltCounter(99));
        var link = new DirectLink(Agent, ManagerEndPoint);
        var manager = new SnmpManager(engine, link);
        link.Manager = manager;
        return (manager, link);
    }

    public static SnmpTarget V2c(string community = "public") => SnmpTarget.V2c(AgentEndPoint, community) with { Timeout = TimeSpan.FromSeconds(1), Retries = 2 };
    public static SnmpTarget V1(string community = "public") => SnmpTarget.V1(AgentEndPoint, community) with { Timeout = TimeSpan.FromSeconds(1), Retries = 2 };
    public static SnmpTarget V3(UsmCredentials credentials, UsmSecurityLevel? level = null) =>
        SnmpTarget.V3(AgentEndPoint, credentials, level) with { Timeout = TimeSpan.FromSeconds(1), Retries = 2 };

    /// <summary>
    /// Runs <paramref name="task"/> on virtual time: whenever it waits on a timer (a retransmission
    /// timeout), the clock jumps to that timer. No real time passes.
    /// </summary>
    public async Task<T> Run<T>(Task<T> task)
    {
        for (int i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            await Task.Yield();
            if (!task.IsCompleted && Clock.PendingTimers.Count > 0) Clock.AdvanceToNextTimer();
        }
        return await task;
    }
}

/// <summary>
/// A transport for a manager that hands every datagram straight to an agent's Handle and the reply
/// straight back to the manager, in the same call: no sockets, no threads in between, so a reply is
/// matched before the manager starts waiting. <see cref="Drop"/> loses datagrams in either direction.
/// </summary>
sealed class DirectLink(SnmpAgent agent, IPEndPoint local) : ISnmpTransport
{
    readonly Channel<SnmpDatagram> _never = Channel.CreateUnbounded<SnmpDatagram>();

    public SnmpManager? Manager { get; set; }
    public IPEndPoint LocalEndPoint { get; } = local;
    public ChannelReader<SnmpDatagram> Received => _never.Reader;
    /// <summary>Decides whether a datagram (request: true, reply: false) is lost.</summary>
    public Func<byte[], bool, bool>? Drop { get; set; }
    public List<byte[]> Requests { get; } = [];
    public List<byte[]> Replies { get; } = [];
    /// <summary>Keep every datagram in <see cref="Requests"/> and <see cref="Replies"/> (off for the benchmark).</summary>
    public bool Record { get; set; } = true;

    public ValueTask SendAsync(ReadOnlyMemory<byte> payload, IPEndPoint remote, CancellationToken cancellationToken = default)
    {
        var request = payload.Span;
        if (Record) Requests.Add(request.ToArray());
        if (Drop?.Invoke(request.ToArray(), true) == true) return ValueTask.CompletedTask;
        if (agent.Handle(request, LocalEndPoint) is not { } reply) return ValueTask.CompletedTask;
        if (Record) Replies.Add(reply);
        if (Drop?.Invoke(reply, false) == true) return ValueTask.CompletedTask;
        Manager!.Requester.Deliver(SnmpMessage.Decode(reply), reply, remote);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _never.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
