using System.Net;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Tests.Protocols.ConfigFile;
using FsCheck;
using FsCheck.Fluent;

namespace EUeConformance.Tests.Protocols.Snmp;

/// <summary>FsCheck generators of well-formed SNMP messages of every version, PDU and value type (values and OIDs as the configuration-file tests generate them).</summary>
static class SnmpGenerators
{
    static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    static readonly Gen<int> AnyInt = Gen.OneOf(Gen.Elements(int.MinValue, -1, 0, 1, 127, 128, 255, 256, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue));
    static readonly Gen<int> NonNegative = Gen.OneOf(Gen.Elements(0, 1, 127, 128, int.MaxValue), Gen.Choose(0, int.MaxValue));

    static readonly Gen<SnmpValue> Exceptions = Gen.Elements(SnmpValue.NoSuchObject, SnmpValue.NoSuchInstance, SnmpValue.EndOfMibView);

    static Gen<SnmpValue> Values(SnmpValueSet set) => set switch
    {
        SnmpValueSet.V1 => ConfigFileGenerators.Value.Where(v => v.Type != SnmpType.Counter64),
        SnmpValueSet.V2 => ConfigFileGenerators.Value,
        _ => Gen.Frequency((8, ConfigFileGenerators.Value), (1, Exceptions)),
    };

    static Gen<IReadOnlyList<VarBind>> VarBinds(SnmpValueSet set) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(from oid in ConfigFileGenerators.Oid from v in Values(set) select new VarBind(oid, v), n))
            .Select(a => (IReadOnlyList<VarBind>)a);

    static readonly PduType[] V1Types = [PduType.GetRequest, PduType.GetNextRequest, PduType.Response, PduType.SetRequest];
    static readonly PduType[] V2Types = [PduType.GetRequest, PduType.GetNextRequest, PduType.Response, PduType.SetRequest, PduType.InformRequest, PduType.SnmpV2Trap, PduType.Report];

    static Gen<SnmpPdu> StandardPdu(SnmpVersion version) =>
        from type in Gen.Elements(version == SnmpVersion.V1 ? V1Types : V2Types)
        from requestId in AnyInt
        from status in Gen.Choose(0, version == SnmpVersion.V1 ? 5 : 18)
        from index in NonNegative
        from varBinds in VarBinds(version == SnmpVersion.V1 ? SnmpValueSet.V1 : type == PduType.Response ? SnmpValueSet.V2Response : SnmpValueSet.V2)
        select (SnmpPdu)new Pdu(type, requestId, (SnmpErrorStatus)status, index, varBinds);

    static readonly Gen<SnmpPdu> Bulk =
        from requestId in AnyInt from n in NonNegative from m in NonNegative from varBinds in VarBinds(SnmpValueSet.V2)
        select (SnmpPdu)Pdu.GetBulk(requestId, n, m, varBinds);

    static readonly Gen<SnmpPdu> TrapV1 =
        from enterprise in ConfigFileGenerators.Oid from address in Bytes(4, 4) from generic in Gen.Choose(0, 6) from specific in AnyInt
        from time in NonNegative from varBinds in VarBinds(SnmpValueSet.V1)
        select (SnmpPdu)new TrapV1Pdu(ObjectIdentifier.Parse(enterprise), new IPAddress(address), (GenericTrap)generic, specific, (uint)time, varBinds);

    static Gen<SnmpPdu> Pdus(SnmpVersion version) => version == SnmpVersion.V1
        ? Gen.Frequency((5, StandardPdu(version)), (1, TrapV1))
        : Gen.Frequency((5, StandardPdu(version)), (1, Bulk));

    static readonly Gen<SnmpMessage> Community =
        from version in Gen.Elements(SnmpVersion.V1, SnmpVersion.V2c)
        from community in Bytes(0, 24)
        from pdu in Pdus(version)
        select (SnmpMessage)new CommunityMessage(version, community, pdu);

    static readonly Gen<SnmpMessage> V3 =
        from id in NonNegative
        from maxSize in Gen.OneOf(Gen.Elements(484, 1472, 65507, int.MaxValue), Gen.Choose(484, int.MaxValue))
        from model in Gen.OneOf(Gen.Constant(3), Gen.Choose(1, int.MaxValue))
        from securityParameters in Bytes(0, 80)
        from encrypted in Gen.Elements(false, true)
        from flags in Gen.Elements<byte>(encrypted ? [0x03, 0x07] : [0x00, 0x01, 0x04, 0x05])
        from engineId in Bytes(0, 32)
        from contextName in Bytes(0, 16)
        from pdu in Pdus(SnmpVersion.V3)
        from cipher in Bytes(0, 200)
        select (SnmpMessage)(encrypted
            ? SnmpV3Message.Encrypted(id, maxSize, flags, model, securityParameters, cipher)
            : SnmpV3Message.Plaintext(id, maxSize, flags, model, securityParameters, new ScopedPdu(engineId, contextName, pdu)));

    public static readonly Gen<SnmpMessage> Message = Gen.Frequency((2, Community), (1, V3));
}
