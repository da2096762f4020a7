using System.Buffers.Binary;
using System.Text;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Option 43 as an MTA/eUE sends it (protocol-facts 1.5; CL-SP-CANN-DHCP-Reg; Wireshark
/// dissect_vendor_cablelabs_suboption): CableLabs device-inventory sub-options, 0 = pad and
/// 255 = end inside the option (RFC 2132 §8.4). The table is <see cref="OptionSpaces.CableLabsVendorEncapsulated"/>.
/// </summary>
public sealed class CableLabsVendorInformation : IEquatable<CableLabsVendorInformation>
{
    public const byte DeviceTypeCode = 2, EsafeTypesCode = 3, SerialNumberCode = 4, HardwareVersionCode = 5,
        SoftwareVersionCode = 6, BootRomVersionCode = 7, VendorOuiCode = 8, ModelNumberCode = 9, VendorNameCode = 10,
        MtaMacAddressCode = 31, CorrelationIdCode = 32;

    public CableLabsVendorInformation(SubOptionList subOptions) => SubOptions = subOptions;

    public SubOptionList SubOptions { get; }

    public string? DeviceType => Text(DeviceTypeCode);
    public string? EsafeTypes => Text(EsafeTypesCode);
    public string? SerialNumber => Text(SerialNumberCode);
    public string? HardwareVersion => Text(HardwareVersionCode);
    /// <summary>pktcMtaDevSwCurrentVers must equal it (PKTC-MTA-MIB).</summary>
    public string? SoftwareVersion => Text(SoftwareVersionCode);
    public string? BootRomVersion => Text(BootRomVersionCode);
    /// <summary>3 binary bytes or 6 ASCII hex characters: CableLabs specs use both.</summary>
    public byte[]? VendorOui => SubOptions.Find(VendorOuiCode)?.Value;
    public string? ModelNumber => Text(ModelNumberCode);
    public string? VendorName => Text(VendorNameCode);
    public byte[]? MtaMacAddress => SubOptions.Find(MtaMacAddressCode)?.Value;
    /// <summary>Equals pktcMtaDevCorrelationId.</summary>
    public uint? CorrelationId => SubOptions.Find(CorrelationIdCode) is { Value.Length: 4 } s ? BinaryPrimitives.ReadUInt32BigEndian(s.Value) : null;

    public static CableLabsVendorInformation Decode(ReadOnlySpan<byte> value, int baseOffset = 0) =>
        new(SubOptionList.Parse(value, OptionSpaces.CableLabsVendorEncapsulated, baseOffset));

    /// <summary>Builds sub-options in code order; null arguments are left out.</summary>
    public static CableLabsVendorInformation Create(string? deviceType = null, string? esafeTypes = null, string? serialNumber = null,
        string? hardwareVersion = null, string? softwareVersion = null, string? bootRomVersion = null, byte[]? vendorOui = null,
        string? modelNumber = null, string? vendorName = null, byte[]? mtaMacAddress = null, uint? correlationId = null)
    {
        var items = new List<SubOption>();
        void AddText(byte code, string? text) { if (text is not null) items.Add(new SubOption(code, Encoding.ASCII.GetBytes(text))); }
        AddText(DeviceTypeCode, deviceType);
        AddText(EsafeTypesCode, esafeTypes);
        AddText(SerialNumberCode, serialNumber);
        AddText(HardwareVersionCode, hardwareVersion);
        AddText(SoftwareVersionCode, softwareVersion);
        AddText(BootRomVersionCode, bootRomVersion);
        if (vendorOui is not null) items.Add(new SubOption(VendorOuiCode, vendorOui));
        AddText(ModelNumberCode, modelNumber);
        AddText(VendorNameCode, vendorName);
        if (mtaMacAddress is not null) items.Add(new SubOption(MtaMacAddressCode, mtaMacAddress));
        if (correlationId is { } id) items.Add(new SubOption(CorrelationIdCode, [(byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id]));
        return new CableLabsVendorInformation(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();
    public DhcpOption ToOption() => new(DhcpOptionCode.VendorEncapsulatedOptions, Encode());

    string? Text(byte code) => SubOptions.Find(code) is { } s ? OptionText.Decode(s.Value) : null;

    public bool Equals(CableLabsVendorInformation? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as CableLabsVendorInformation);
    public override int GetHashCode() => SubOptions.Count;
}

/// <summary>
/// Option 82, Relay Agent Information (RFC 3046): sub-option 1 Agent Circuit ID, 2 Agent Remote
/// ID (DOCSIS: the CM's MAC), others (4, 5, 6, 9 …) kept in order as bytes.
/// </summary>
public sealed class RelayAgentInformation : IEquatable<RelayAgentInformation>
{
    public const byte AgentCircuitIdCode = 1, AgentRemoteIdCode = 2;

    public RelayAgentInformation(SubOptionList subOptions) => SubOptions = subOptions;

    public SubOptionList SubOptions { get; }
    public byte[]? AgentCircuitId => SubOptions.Find(AgentCircuitIdCode)?.Value;
    public byte[]? AgentRemoteId => SubOptions.Find(AgentRemoteIdCode)?.Value;

    public static RelayAgentInformation Decode(ReadOnlySpan<byte> value, int baseOffset = 0) =>
        new(SubOptionList.Parse(value, OptionSpaces.RelayAgentInformation, baseOffset));

    public static RelayAgentInformation Create(byte[]? circuitId = null, byte[]? remoteId = null, IEnumerable<SubOption>? others = null)
    {
        var items = new List<SubOption>();
        if (circuitId is not null) items.Add(new SubOption(AgentCircuitIdCode, circuitId));
        if (remoteId is not null) items.Add(new SubOption(AgentRemoteIdCode, remoteId));
        items.AddRange(others ?? []);
        return new RelayAgentInformation(new SubOptionList(items));
    }

    public byte[] Encode() => SubOptions.Encode();
    public DhcpOption ToOption() => new(DhcpOptionCode.RelayAgentInformation, Encode());

    public bool Equals(RelayAgentInformation? other) => other is not null && SubOptions.Equals(other.SubOptions);
    public override bool Equals(object? obj) => Equals(obj as RelayAgentInformation);
    public override int GetHashCode() => SubOptions.Count;
}

/// <summary>NVT ASCII option text: RFC 2132 §2, a receiver must tolerate (and drop) trailing NULs.</summary>
public static class OptionText
{
    public static string Decode(ReadOnlySpan<byte> value)
    {
        int end = value.Length;
        while (end > 0 && value[end - 1] == 0) end--;
        var chars = new char[end];
        for (int i = 0; i < end; i++) chars[i] = value[i] is >= 0x20 and < 0x7F ? (char)value[i] : '?';
        return new string(chars);
    }

    public static byte[] Encode(string text) => Encoding.ASCII.GetBytes(text);
}
