using System.Net;
using EUeConformance.Protocols.ConfigFile;
using EUeConformance.Protocols.Snmp;
using FsCheck;
using FsCheck.Fluent;

namespace EUeConformance.Tests.Protocols.ConfigFile;

/// <summary>FsCheck generators of well-formed VarBinds, TLV 38/43 contents and whole files.</summary>
static class ConfigFileGenerators
{
    static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    static readonly Gen<uint> UInt32 = Gen.OneOf(
        Gen.Elements(0u, 1u, 127u, 128u, 16383u, 16384u, 2147483647u, 2147483648u, uint.MaxValue),
        Gen.Choose(0, int.MaxValue).Select(i => (uint)i),
        Gen.Choose(0, 255).Select(i => (uint)i));

    public static readonly Gen<string> Oid =
        from first in Gen.Choose(0, 2)
        from second in first == 2 ? UInt32 : Gen.Choose(0, 39).Select(i => (uint)i)
        from rest in Gen.Choose(0, 14).SelectMany(n => Gen.ArrayOf(UInt32, n))
        select string.Join('.', new[] { (uint)first, second }.Concat(rest));

    public static readonly Gen<SnmpValue> Value = Gen.OneOf(
        Gen.OneOf(Gen.Elements(int.MinValue, -1, 0, 1, 127, 128, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)).Select(i => SnmpValue.Integer(i)),
        Bytes(0, 300).Select(b => SnmpValue.OctetString(b)),
        Gen.Constant(0).Select(_ => SnmpValue.Null()),
        Oid.Select(SnmpValue.ObjectIdentifier),
        Bytes(4, 4).Select(b => SnmpValue.IpAddress(new IPAddress(b))),
        UInt32.Select(SnmpValue.Counter32),
        UInt32.Select(SnmpValue.Gauge32),
        UInt32.Select(SnmpValue.TimeTicks),
        Bytes(0, 40).Select(b => SnmpValue.Opaque(b)),
        from hi in UInt32 from lo in UInt32 select SnmpValue.Counter64(((ulong)hi << 32) | lo));

    public static readonly Gen<VarBind> VarBind =
        from oid in Oid from value in Value select new VarBind(oid, value);

    static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));
    static Gen<ushort?> MaybeUShort(int min, int max) => Gen.OneOf(Gen.Constant<ushort?>(null), Gen.Choose(min, max).Select(v => (ushort?)(ushort)v));

    static readonly Gen<string> SecurityName =
        Gen.Choose(2, 26).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c), n)).Select(cs => new string(cs));

    public static readonly Gen<NotificationReceiver> Receiver =
        from v4 in Maybe(Bytes(4, 4).Select(b => new IPAddress(b)))
        from v6 in Maybe(Bytes(16, 16).Select(b => new IPAddress(b)))
        from port in MaybeUShort(0, 65535)
        from type in Gen.Choose(1, 5)
        from timeout in MaybeUShort(0, 65535)
        from retries in MaybeUShort(0, 255)
        from filter in Maybe(Oid)
        from name in Maybe(SecurityName)
        select new NotificationReceiver
        {
            Ipv4Address = v4 ?? (v6 is null ? IPAddress.Loopback : null), Ipv6Address = v6, UdpPort = port,
            Type = (NotificationReceiverType)type, TimeoutMilliseconds = timeout, Retries = retries,
            FilterOid = filter is { Length: < 150 } ? filter : null, SecurityName = name,
        };

    public static readonly Gen<VendorSpecific> Vendor =
        from oui in Bytes(3, 3)
        from n in Gen.Choose(0, 4)
        from subs in Gen.ArrayOf(from t in Gen.Choose(0, 255).Where(t => t != 8) from v in Bytes(0, 40) select new SubTlv((byte)t, v), n)
        select new VendorSpecific(oui, subs);

    /// <summary>A well-formed file: start, 0..12 TLVs of every kind (unknown types included), end.</summary>
    public static readonly Gen<EueConfigFile> File =
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Frequency(
                (6, VarBind.Select(ConfigTlv.ForVarBind)),
                (2, Receiver.Select(ConfigTlv.ForNotificationReceiver)),
                (1, Vendor.Select(ConfigTlv.ForVendorSpecific)),
                (1, from t in Gen.Choose(0, 253).Where(t => !ConfigTlvType.IsKnown((byte)t)) from v in Bytes(0, 300) select new ConfigTlv((byte)t, v))),
            n))
        .Select(tlvs => new EueConfigFile([ConfigTlv.StartOfFile(), .. tlvs, ConfigTlv.EndOfFile()]));
}
