using System.Net;
using EUeConformance.Protocols.Dhcp4;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Agent;
using EUeConformance.Protocols.Snmp.Engine;
using EUeConformance.Protocols.Snmp.Usm;
using FluentAssertions;
using UsmTestData = EUeConformance.Tests.Protocols.Snmp.Usm.UsmTestData;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>An agent serving <see cref="EueAgentMib"/> beside the standard objects; communities public/private, the USM users of UsmTestData.</summary>
sealed class EueAgentMibBed
{
    public const string SysDescr = "PacketCable 2.0 E-UE reference device";
    public static readonly byte[] Mac = [0x00, 0x10, 0x95, 0x00, 0x00, 0x02];
    public static readonly EueIdentity Identity = new()
    {
        SerialNumber = "SN-0001-2345",
        SoftwareVersion = "SW-2.0.1",
        TypeIdentifier = "pktc2.0:050c0101020301010401011a0101",
        MacAddress = Mac,
        CorrelationId = 4711,
        Fqdn = "eue-0001.voice.example.net",
    };

    public SnmpEngine Engine { get; }
    public MibTree Mib { get; } = new();
    public EueAgentMib Eue { get; }
    public SnmpAgent Agent { get; }
    public ProvisioningFlow? Flow { get; set; } = ProvisioningFlow.Secure;

    public EueAgentMibBed(TimeProvider? time = null, bool supportsCreateAndWait = true)
    {
        Engine = new SnmpEngine(UsmTestData.EngineId, 3, time ?? new EUeConformance.Network.Time.VirtualClock(),
            [UsmTestData.ShaAesUser, UsmTestData.Md5DesUser], new UsmSaltCounter(7));
        StandardObjects.Register(Mib, Engine, SysDescr, ObjectIdentifier.Parse("1.3.6.1.4.1.4491.2.2.10"), "eue-0001");
        Eue = new EueAgentMib(Mib, Identity, () => Flow, supportsCreateAndWait);
        Agent = new SnmpAgent(Engine, Mib, new SnmpAgentOptions
        {
            Communities = new Dictionary<string, SnmpAccess> { ["public"] = SnmpAccess.ReadOnly, ["private"] = SnmpAccess.ReadWrite },
        });
    }

    static readonly IPEndPoint Manager = new(IPAddress.Parse("10.0.0.1"), 40161);

    public Pdu Ask(Pdu request, string community = "private")
    {
        byte[]? reply = Agent.Handle(new CommunityMessage(SnmpVersion.V2c, community, request).Encode(), Manager);
        reply.Should().NotBeNull($"the agent answers {request}");
        var response = (Pdu)((CommunityMessage)SnmpMessage.Decode(reply!)).Pdu;
        (response.Type, response.RequestId).Should().Be((PduType.Response, request.RequestId));
        return response;
    }

    public static Pdu Get(params ObjectIdentifier[] names) => Pdu.Request(PduType.GetRequest, 42, names);
    public static Pdu Set(params VarBind[] varBinds) => new(PduType.SetRequest, 44, SnmpErrorStatus.NoError, 0, varBinds);
}
