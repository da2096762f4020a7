using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>One enterprise's block in option 124/125 (RFC 3925): enterprise-number and its data.</summary>
public sealed class VendorData : IEquatable<VendorData>
{
    public VendorData(uint enterprise, ReadOnlySpan<byte> data, int offset = -1)
    {
        if (data.Length > byte.MaxValue) throw new ArgumentException($"RFC 3925: data-len is one byte, {data.Length} bytes do not fit", nameof(data));
        Enterprise = enterprise;
        Data = data.ToArray();
        Offset = offset;
    }

    public uint Enterprise { get; }
    public byte[] Data { get; }
    /// <summary>Absolute offset of <see cref="Data"/> in the datagram (-1 if built); not part of equality.</summary>
    public int Offset { get; }

    public bool Equals(VendorData? other) => other is not null && Enterprise == other.Enterprise && Data.AsSpan().SequenceEqual(other.Data);
    public override bool Equals(object? obj) => Equals(obj as VendorData);
    public override int GetHashCode() => HashCode.Combine(Enterprise, Data.Length);
    public override string ToString() => $"{Enterprise}:{Convert.ToHexString(Data)}";
}

/// <summary>
/// The value of option 125 (V-I Vendor-Specific Information, RFC 3925 §4) or 124 (V-I Vendor
/// Class, §3): enterprise-number(4) data-len(1) data, repeated. Blocks of other enterprises are
/// kept byte for byte; the CableLabs block (4491) is typed by <see cref="CableLabs"/>.
/// </summary>
public sealed class VendorIdentifyingData : IEquatable<VendorIdentifyingData>
{
    public VendorIdentifyingData(IEnumerable<VendorData> entries) => Entries = [.. entries];

    public IReadOnlyList<VendorData> Entries { get; }

    /// <summary>The first block of <paramref name="enterprise"/>. RFC 3925 §4: an enterprise SHOULD occur once.</summary>
    public VendorData? Find(uint enterprise) => Entries.FirstOrDefault(e => e.Enterprise == enterprise);

    /// <summary>The CableLabs (4491) sub-options of option 125, if present.</summary>
    public CableLabsV4Options? CableLabs =>
        Find(Dhcp.CableLabs.EnterpriseNumber) is { } block ? CableLabsV4Options.Decode(block.Data, Math.Max(block.Offset, 0)) : null;

    /// <param name="specific">true for option 125 (4491 data is parsed and checked as CableLabs sub-options), false for 124.</param>
    public static VendorIdentifyingData Decode(ReadOnlySpan<byte> value, int baseOffset, string field = "dhcp.option.vi.enterprise", bool specific = true)
    {
        string lengthField = specific ? "dhcp.option.vi.length" : "dhcp.option.vi_class.length";
        var reader = new WireReader(value, Dhcp4Protocol.Name, baseOffset);
        var entries = new List<VendorData>();
        while (reader.HasData)
        {
            uint enterprise = reader.ReadUInt32(field);
            int lengthAt = reader.Offset;
            byte length = reader.ReadByte(lengthField);
            if (length > reader.Remaining)
                throw reader.Error(lengthField, $"enterprise {enterprise} data-len {length} overruns the {reader.Remaining} byte(s) left", lengthAt);
            int dataAt = reader.Offset;
            var data = reader.ReadBytes(length, lengthField);
            if (specific && enterprise == Dhcp.CableLabs.EnterpriseNumber)
                SubOptionList.Parse(data, OptionSpaces.CableLabsV4, dataAt);
            entries.Add(new VendorData(enterprise, data, dataAt));
        }
        return new VendorIdentifyingData(entries);
    }

    public byte[] Encode()
    {
        var buffer = new WireBuffer(Entries.Sum(e => e.Data.Length + 5));
        foreach (var e in Entries)
        {
            buffer.WriteUInt32(e.Enterprise);
            buffer.WriteByte((byte)e.Data.Length);
            buffer.WriteBytes(e.Data);
        }
        return buffer.ToArray();
    }

    /// <summary>As option 125 (default) or 124.</summary>
    public DhcpOption ToOption(byte code = DhcpOptionCode.ViVendorSpecificInformation) => new(code, Encode());

    public bool Equals(VendorIdentifyingData? other) => other is not null && Entries.SequenceEqual(other.Entries);
    public override bool Equals(object? obj) => Equals(obj as VendorIdentifyingData);
    public override int GetHashCode() => Entries.Count;
}
