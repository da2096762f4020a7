using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.ConfigFile;

/// <summary>
/// TLV 43, Vendor Specific. PKT-PROV1.5 §9.1 takes it from DOCSIS: sub-TLVs of 1-byte type and
/// length, 43.8 = the 3-byte vendor ID (OUI) first, then vendor-defined sub-TLVs (rlaager/docsis
/// symtable "VendorIdentifier" 43.8, 3..3; Wireshark docsis_tlv.vendorid). A device ignores a TLV 43
/// whose vendor ID is not its own (PKT-PROV1.5 §9.1).
/// </summary>
public sealed record VendorSpecific
{
    readonly byte[] _vendorId;

    public VendorSpecific(ReadOnlySpan<byte> vendorId, IReadOnlyList<SubTlv>? subTlvs = null)
    {
        if (vendorId.Length != 3) throw new ArgumentException("the vendor ID (43.8) is a 3-byte OUI", nameof(vendorId));
        _vendorId = vendorId.ToArray();
        SubTlvs = subTlvs ?? [];
        if (SubTlvs.Any(s => s.Type == VendorSpecificSubType.VendorId)) throw new ArgumentException("43.8 is the vendor ID; give it as vendorId", nameof(subTlvs));
    }

    /// <summary>43.8, the vendor's OUI.</summary>
    public ReadOnlySpan<byte> VendorId => _vendorId;
    /// <summary>The vendor-defined sub-TLVs after 43.8, in order.</summary>
    public IReadOnlyList<SubTlv> SubTlvs { get; }

    public string VendorIdText => Convert.ToHexString(_vendorId);

    /// <summary>The TLV 43 value: 08 03 OUI, then the vendor's sub-TLVs.</summary>
    public byte[] EncodeValue()
    {
        var o = new List<byte>(5 + SubTlvs.Sum(s => s.EncodedLength));
        new SubTlv(VendorSpecificSubType.VendorId, _vendorId).WriteTo(o);
        foreach (var s in SubTlvs) s.WriteTo(o);
        if (o.Count > byte.MaxValue) throw new InvalidOperationException($"TLV 43 value of {o.Count} bytes does not fit its 1-byte length");
        return [.. o];
    }

    /// <summary>Strict decode of a TLV 43 value; throws <see cref="ParseError"/> on the first error.</summary>
    public static VendorSpecific Decode(ReadOnlySpan<byte> value, int valueOffset = 0)
    {
        var problems = new List<ConfigFileProblem>();
        var r = Parse(value, valueOffset, valueOffset, problems);
        if (problems.FirstOrDefault(p => p.Severity == ConfigFileProblemSeverity.Error) is { } e)
            throw new ParseError(ConfigFileFields.Protocol, e.Offset, e.Field, e.Problem);
        return r!;
    }

    /// <summary>Tolerant decode; null when no valid vendor ID was found.</summary>
    internal static VendorSpecific? Parse(ReadOnlySpan<byte> value, int valueOffset, int tlvOffset, List<ConfigFileProblem> problems)
    {
        const byte parent = ConfigTlvType.VendorSpecific;
        byte[]? vendorId = null;
        var others = new List<SubTlv>();
        var subs = SubTlvSplitter.Split(value, valueOffset, parent, ConfigFileFields.VendorSubLength, problems);
        for (int i = 0; i < subs.Count; i++)
        {
            var (sub, at) = subs[i];
            if (sub.Type != VendorSpecificSubType.VendorId) { others.Add(sub); continue; }
            if (vendorId is not null)
            {
                problems.Add(new(at, parent, "43.8 vendor ID appears more than once in one TLV 43", ConfigFileProblemKind.DuplicateSubTlv, ConfigFileProblemSeverity.Error, ConfigFileFields.VendorId, sub.Type));
                continue;
            }
            if (sub.Value.Length != 3)
            {
                problems.Add(new(at, parent, $"43.8 vendor ID has length {sub.Value.Length}, must be 3 (an OUI)", ConfigFileProblemKind.InvalidSubTlvLength, ConfigFileProblemSeverity.Error, ConfigFileFields.VendorId, sub.Type));
                vendorId = [];
                continue;
            }
            if (i != 0)
                problems.Add(new(at, parent, "43.8 vendor ID is not the first sub-TLV of TLV 43", ConfigFileProblemKind.MisplacedVendorId, ConfigFileProblemSeverity.Warning, ConfigFileFields.VendorId, sub.Type));
            vendorId = sub.Value.ToArray();
        }
        if (vendorId is null)
            problems.Add(new(tlvOffset, parent, "TLV 43 has no 43.8 vendor ID", ConfigFileProblemKind.MissingVendorId, ConfigFileProblemSeverity.Error, ConfigFileFields.VendorId, VendorSpecificSubType.VendorId));
        return vendorId is { Length: 3 } ? new VendorSpecific(vendorId, others) : null;
    }

    public bool Equals(VendorSpecific? other) =>
        other is not null && _vendorId.AsSpan().SequenceEqual(other._vendorId) && SubTlvs.SequenceEqual(other.SubTlvs);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(_vendorId);
        foreach (var s in SubTlvs) h.Add(s);
        return h.ToHashCode();
    }
}
