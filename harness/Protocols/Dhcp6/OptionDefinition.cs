namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// One row of an option space table (Kea's option-def): the code, the spec's name in C# casing,
/// the data format, and the Wireshark field that names the value in a <see cref="Wire.ParseError"/>.
/// </summary>
public sealed class OptionDefinition(ushort code, string name, OptionFormat format, string field)
{
    readonly IReadOnlyList<OptionFormat> _recordFields = [];
    OptionSpace? _encapsulatedSpace;

    public ushort Code { get; } = code;
    public string Name { get; } = name;
    public OptionFormat Format { get; } = format;
    /// <summary>The Wireshark field of the value (dhcpv6.elapsed_time, dhcpv6.packetcable.cccV6.krb_realm…).</summary>
    public string Field { get; } = field;

    /// <summary>The data is a sequence of <see cref="Format"/> values (scalars, addresses, FQDNs).</summary>
    public bool IsArray { get; init; }

    /// <summary>For <see cref="OptionFormat.Record"/>: the fixed fields, in order.</summary>
    public IReadOnlyList<OptionFormat> RecordFields
    {
        get => _recordFields;
        init
        {
            _recordFields = value;
            int n = 0;
            foreach (var f in value) n += SizeOf(f);
            RecordSize = n;
        }
    }

    /// <summary>For <see cref="OptionFormat.Record"/> without encapsulation: what follows the fixed fields (Empty for nothing, String or Binary).</summary>
    public OptionFormat Tail { get; init; } = OptionFormat.Empty;

    /// <summary>The name of the option space whose options follow the fixed fields, if any.</summary>
    public string? Encapsulates { get; init; }

    /// <summary>The space named by <see cref="Encapsulates"/>, resolved once (spaces refer to each other, so not at construction).</summary>
    public OptionSpace? EncapsulatedSpace => Encapsulates is null ? null : _encapsulatedSpace ??= Dhcp6OptionSpaces.Get(Encapsulates);

    /// <summary>Size of the fixed part of a record, or of one scalar; 0 for variable formats.</summary>
    public int FixedSize => Format == OptionFormat.Record ? RecordSize : SizeOf(Format);

    int RecordSize { get; init; }

    internal static int SizeOf(OptionFormat format) => format switch
    {
        OptionFormat.UInt8 => 1,
        OptionFormat.UInt16 => 2,
        OptionFormat.UInt32 or OptionFormat.Int32 or OptionFormat.Ipv4Address => 4,
        OptionFormat.UInt64 => 8,
        OptionFormat.Ipv6Address => 16,
        _ => 0,
    };

    public override string ToString() => $"{Code} {Name} ({Format}{(IsArray ? "[]" : "")})";
}
