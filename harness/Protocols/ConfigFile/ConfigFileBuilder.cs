using System.Net;
using EUeConformance.Protocols.Snmp;
using EUeConformance.Protocols.Snmp.Mibs;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// The headend's way to write an eUE configuration file, TLV by TLV, in order:
/// <code>
/// new ConfigFileBuilder().StartOfFile()
///     .SetMib(MibNames.IetfMta.PktcMtaDevEnabled.Instance(0), SnmpValue.TruthValue(true))
///     .NotificationReceiver(new NotificationReceiver { Ipv4Address = …, Type = NotificationReceiverType.SnmpV2cInform })
///     .EndOfFile().Build();
/// </code>
/// <see cref="Build"/> refuses a file a device would reject; <see cref="BuildUnchecked"/> builds
/// anything (for the mutants that must send malformed files).
/// </summary>
public sealed class ConfigFileBuilder
{
    readonly List<ConfigTlv> _tlvs = [];

    /// <summary>TLV 254 = 0x01, eUE Start of File (EUE-PROV Table 6).</summary>
    public ConfigFileBuilder StartOfFile() => Add(ConfigTlv.StartOfFile());

    /// <summary>TLV 254 = 0xFF, eUE End of File (EUE-PROV Table 6).</summary>
    public ConfigFileBuilder EndOfFile() => Add(ConfigTlv.EndOfFile());

    /// <summary>
    /// One VarBind: TLV 11 when it fits in 254 bytes, else TLV 64 (PKT-PROV1.5 §9.1; EUE-PROV Table 6 note).
    /// </summary>
    public ConfigFileBuilder SetMib(string oid, SnmpValue value) => Add(ConfigTlv.ForVarBind(new VarBind(oid, value)));

    public ConfigFileBuilder SetMib(VarBind varBind) => Add(ConfigTlv.ForVarBind(varBind));

    public ConfigFileBuilder SetMib(string oid, int value) => SetMib(oid, SnmpValue.Integer(value));
    public ConfigFileBuilder SetMib(string oid, string value) => SetMib(oid, SnmpValue.OctetString(value));
    public ConfigFileBuilder SetMib(string oid, bool truthValue) => SetMib(oid, SnmpValue.TruthValue(truthValue));
    public ConfigFileBuilder SetMib(string oid, IPAddress value) => SetMib(oid, SnmpValue.IpAddress(value));

    /// <summary>A VarBind forced into TLV 64 (allowed; Table 6 only recommends TLV 11).</summary>
    public ConfigFileBuilder SetMibLong(string oid, SnmpValue value) =>
        Add(new ConfigTlv(ConfigTlvType.SnmpMibObjectLong, new VarBind(oid, value).Encode()));

    /// <summary>TLV 38 (PKT-PROV1.5 §11; 38.8 per EUE-PROV 6.5).</summary>
    public ConfigFileBuilder NotificationReceiver(NotificationReceiver receiver) => Add(ConfigTlv.ForNotificationReceiver(receiver));

    /// <summary>TLV 38 from its parts; absent parts take the spec's defaults at the device.</summary>
    public ConfigFileBuilder NotificationReceiver(IPAddress address, NotificationReceiverType type, ushort? port = null,
        ushort? timeoutMilliseconds = null, ushort? retries = null, string? filterOid = null, string? securityName = null) =>
        NotificationReceiver(new NotificationReceiver
        {
            Ipv4Address = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address : null,
            Ipv6Address = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address : null,
            Type = type,
            UdpPort = port,
            TimeoutMilliseconds = timeoutMilliseconds,
            Retries = retries,
            FilterOid = filterOid,
            SecurityName = securityName,
        });

    /// <summary>TLV 43 with 43.8 = <paramref name="vendorId"/> and the vendor's sub-TLVs.</summary>
    public ConfigFileBuilder VendorSpecific(ReadOnlySpan<byte> vendorId, params SubTlv[] subTlvs) =>
        Add(ConfigTlv.ForVendorSpecific(new VendorSpecific(vendorId, subTlvs)));

    public ConfigFileBuilder VendorSpecific(VendorSpecific vendor) => Add(ConfigTlv.ForVendorSpecific(vendor));

    /// <summary>Any TLV, as given (unknown types get a 2-byte length, PKT-PROV1.5 §9.1).</summary>
    public ConfigFileBuilder Raw(byte type, ReadOnlySpan<byte> value, int? lengthFieldSize = null) =>
        Add(new ConfigTlv(type, value, lengthFieldSize));

    public ConfigFileBuilder Add(ConfigTlv tlv)
    {
        _tlvs.Add(tlv);
        return this;
    }

    /// <summary>The file; throws <see cref="InvalidOperationException"/> listing the errors if a device would reject it.</summary>
    public EueConfigFile Build()
    {
        var file = BuildUnchecked();
        var check = ConfigFileParser.Parse(file.Encode());
        if (!check.IsValid)
            throw new InvalidOperationException("the configuration file is malformed: " + string.Join("; ", check.Errors));
        return file;
    }

    public EueConfigFile BuildUnchecked() => new(_tlvs);
}
