using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;
using EUeConformance.Protocols.Dns;
using FsCheck;
using FsCheck.Fluent;

namespace EUeConformance.Tests.Protocols.Dhcp6;

/// <summary>
/// FsCheck generators of DHCPv6 messages: every option kind of the tables (built through the typed
/// builders), CableLabs vendor options with CCC/CCCV6, foreign vendors, unknown options and
/// sub-options with random data, odd domain-name labels, and relay messages nesting others.
/// </summary>
internal static class Dhcp6Generators
{
    static Gen<byte> Byte => Gen.Choose(0, 255).Select(b => (byte)b);
    static Gen<ushort> U16 => Gen.Choose(0, ushort.MaxValue).Select(v => (ushort)v);
    static Gen<uint> U32 => Gen.Choose(int.MinValue, int.MaxValue).Select(v => unchecked((uint)v));
    static Gen<byte[]> Bytes(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Byte, n));
    static Gen<string> Text(int max) => Gen.Choose(0, max).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c), n)).Select(c => new string(c));
    static Gen<IPAddress> Ipv6 => Gen.ArrayOf(Byte, 16).Select(b => new IPAddress(b));
    static Gen<IPAddress> Ipv4 => Gen.ArrayOf(Byte, 4).Select(b => new IPAddress(b));

    static readonly string[] CommonLabels = ["example", "net", "BASIC", "1", "HYBRID", "prov", "eue-0001", "a"];

    static Gen<byte[]> Label => Gen.Frequency(
        (6, Gen.Elements(CommonLabels).Select(l => System.Text.Encoding.ASCII.GetBytes(l))),
        (1, Gen.Choose(1, 63).SelectMany(n => Gen.ArrayOf(Byte, n))));

    /// <summary>A wire-format name: 0..4 labels, with or without the root label, at most 255 octets.</summary>
    public static Gen<byte[]> WireName(bool fullyQualified) =>
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Label, n)).Select(labels =>
        {
            var wire = new List<byte>();
            foreach (var l in labels)
            {
                if (wire.Count + 1 + l.Length + 1 > DnsLabels.MaxNameLength) break;
                wire.Add((byte)l.Length);
                wire.AddRange(l);
            }
            if (fullyQualified) wire.Add(0);
            return wire.ToArray();
        });

    static Gen<string> NameText => WireName(true).Select(w => DnsLabels.ToText(w));

    public static Gen<Duid> Duid => Gen.OneOf(
        from hw in U16 from t in U32 from ll in Bytes(16) select EUeConformance.Protocols.Dhcp.Duid.Llt(hw, t, ll),
        from en in U32 from id in Bytes(20) select EUeConformance.Protocols.Dhcp.Duid.En(en, id),
        from hw in U16 from ll in Bytes(16) select EUeConformance.Protocols.Dhcp.Duid.Ll(hw, ll),
        // DUID-UUID (RFC 6355 §4) is exactly 16 octets after its type; types from 5 on are opaque.
        from uuid in Gen.ArrayOf(Byte, 16) select EUeConformance.Protocols.Dhcp.Duid.FromBytes([0x00, 0x04, .. uuid]),
        from type in Gen.Choose(5, ushort.MaxValue) from rest in Bytes(30)
        select EUeConformance.Protocols.Dhcp.Duid.FromBytes([(byte)(type >> 8), (byte)type, .. rest]));

    static Gen<Dhcp6Option> Status => from code in Gen.Choose(0, 6) from msg in Text(20) select Dhcp6Options.StatusCode((Dhcp6Status)code, msg);

    static Gen<Dhcp6Option> IaAddr =>
        from a in Ipv6 from p in U32 from v in U32 from st in Gen.ListOf(Status, 1).Select(l => l.ToList())
        select new IaAddress(a, p, v, st).ToOption();

    public static Gen<Dhcp6Option> IaNa =>
        from iaid in U32 from t1 in U32 from t2 in U32
        from addrs in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(IaAddr, n))
        from st in Gen.ListOf(Status, 1)
        select new IaNa(iaid, t1, t2, [.. addrs, .. st]).ToOption();

    public static Gen<ClientFqdn> ClientFqdn =>
        from flags in Byte
        from full in Gen.Elements(true, false)
        from wire in WireName(full)
        select new ClientFqdn((FqdnFlags)flags, DnsLabels.ToText(wire), full);

    static Gen<ProvSnmpEntity> ProvSnmpEntity => Gen.OneOf(
        NameText.Select(EUeConformance.Protocols.Dhcp6.ProvSnmpEntity.FromFqdn),
        Ipv6.Select(EUeConformance.Protocols.Dhcp6.ProvSnmpEntity.FromAddress),
        Gen.Constant(EUeConformance.Protocols.Dhcp6.ProvSnmpEntity.Shutdown));

    static Gen<T?> Maybe<T>(Gen<T> gen) where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));
    static Gen<T?> MaybeRef<T>(Gen<T> gen) where T : class => Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    static Gen<KerberosBackoff> Backoff => from a in U32 from b in U32 from c in U32 select new KerberosBackoff(a, b, c);

    /// <summary>Sub-options with codes no table knows, and random data.</summary>
    static Gen<Dhcp6Option> UnknownIn(OptionSpace? space, int maxData = 24) =>
        from code in U16.Where(c => space?.Find(c) is null)
        from data in Bytes(maxData)
        select new Dhcp6Option(code, data);

    public static Gen<ClOptionCccv6> Cccv6 =>
        from p in Maybe(Bytes(40).Select(b => new DssId(b)))
        from s in Maybe(Bytes(40).Select(b => new DssId(b)))
        from prov in MaybeRef(ProvSnmpEntity)
        from asb in Maybe(Backoff)
        from apb in Maybe(Backoff)
        from realm in MaybeRef(NameText)
        from tgt in Maybe(Byte)
        from timer in Maybe(Byte)
        from tc in Maybe(U16)
        from unknown in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(UnknownIn(Dhcp6OptionSpaces.Cccv6), n))
        select new ClOptionCccv6([.. ClOptionCccv6.Create(p, s, prov, asb, apb, realm, tgt, timer, tc).SubOptions, .. unknown]);

    static Gen<Dhcp6Option> ClOption => Gen.OneOf(
        Gen.ArrayOf(U16).Select(c => ClOptions.Oro(c)),
        from code in Gen.Elements(ClOptionCode.DeviceType, ClOptionCode.EmbeddedComponentList, ClOptionCode.DeviceSerialNumber, ClOptionCode.HardwareVersionNumber,
            ClOptionCode.SoftwareVersionNumber, ClOptionCode.BootRomVersion, ClOptionCode.VendorOui, ClOptionCode.ModelNumber, ClOptionCode.VendorName,
            ClOptionCode.ConfigFileName, ClOptionCode.DeviceId)
        from data in Bytes(30)
        select new Dhcp6Option(code, data),
        from code in Gen.Elements(ClOptionCode.TftpServers, ClOptionCode.SyslogServers, ClOptionCode.Rfc868Servers)
        from addrs in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Ipv6, n))
        select code == ClOptionCode.TftpServers ? ClOptions.TftpServers(addrs) : code == ClOptionCode.SyslogServers ? ClOptions.SyslogServers(addrs) : ClOptions.Rfc868Servers(addrs),
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(from t in Byte from v in Bytes(6) select new CapabilityTlv(t, v), n)).Select(c => new ModemCapabilities([.. c]).ToOption()),
        Gen.Choose(int.MinValue, int.MaxValue).Select(ClOptions.TimeOffset),
        Byte.Select(ClOptions.IpPref),
        from p in Ipv4 from s in MaybeRef(Ipv4) select ClOptionCcc.Create(p, s).ToOption(),
        Cccv6.Select(c => c.ToOption()),
        UnknownIn(Dhcp6OptionSpaces.Vendor4491));

    static Gen<Dhcp6Option> VendorOpts => Gen.OneOf(
        Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(ClOption, n)).Select(o => Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber, o)),
        from e in U32.Where(e => e != CableLabs.EnterpriseNumber)
        from o in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(UnknownIn(null), n))
        select Dhcp6Options.VendorOpts(e, o));

    static Gen<Dhcp6Option> VendorClass =>
        from e in U32 from items in Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Bytes(12), n))
        select new VendorClass(e, [.. items.Select(i => (ReadOnlyMemory<byte>)i)]).ToOption();

    /// <summary>One option of the dhcp6 space (relay messages excepted).</summary>
    public static Gen<Dhcp6Option> Option => Gen.OneOf(
        Duid.Select(Dhcp6Options.ClientId),
        Duid.Select(Dhcp6Options.ServerId),
        IaNa,
        Gen.ArrayOf(U16).Select(c => Dhcp6Options.Oro(c)),
        Byte.Select(Dhcp6Options.Preference),
        U16.Select(Dhcp6Options.ElapsedTime),
        Status,
        Gen.Constant(Dhcp6Options.RapidCommit()),
        VendorClass,
        VendorOpts,
        Bytes(20).Select(b => Dhcp6Options.InterfaceId(b)),
        Gen.Elements(Dhcp6MessageType.Renew, Dhcp6MessageType.InformationRequest).Select(Dhcp6Options.ReconfMsg),
        Gen.Constant(Dhcp6Options.ReconfAccept()),
        Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Ipv6, n)).Select(Dhcp6Options.DnsServers),
        Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(NameText, n)).Select(Dhcp6Options.DomainList),
        ClientFqdn.Select(f => f.ToOption()),
        from p in Byte from a in Byte from r in Byte from rd in U32 from info in Bytes(17) select Dhcp6Options.Auth(p, a, r, rd, info),
        Ipv6.Select(Dhcp6Options.Unicast),
        UnknownIn(Dhcp6OptionSpaces.Dhcp6, 40));

    static Gen<Dhcp6Message> ClientServer =>
        from type in Gen.Choose(1, 11)
        from xid in Gen.Choose(0, (int)Dhcp6Message.MaxTransactionId)
        from options in Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(Option, n))
        select Dhcp6Message.Create((Dhcp6MessageType)type, (uint)xid, options);

    static Gen<Dhcp6Message> Relay(int depth) =>
        from type in Gen.Elements(Dhcp6MessageType.RelayForw, Dhcp6MessageType.RelayRepl)
        from hops in Byte
        from link in Ipv6
        from peer in Ipv6
        from inner in depth > 0 ? Gen.OneOf(ClientServer, Relay(depth - 1)) : ClientServer
        from extra in Gen.Choose(0, 2).SelectMany(n => Gen.ListOf(Gen.OneOf(Bytes(12).Select(b => Dhcp6Options.InterfaceId(b)), UnknownIn(Dhcp6OptionSpaces.Dhcp6)), n))
        select Dhcp6Message.CreateRelay(type, hops, link, peer, [.. extra, Dhcp6Options.RelayMsg(inner)]);

    public static Gen<Dhcp6Message> Message => Gen.Frequency((4, ClientServer), (1, Relay(2)));
}
