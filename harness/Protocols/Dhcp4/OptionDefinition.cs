namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// One row of an option space's table, in the manner of Kea's option definitions: the code,
/// the name (the spec's name in C# casing), the value format, whether the value is an array of
/// that format, the encapsulated space, length bounds, and the Wireshark field that names the
/// value (used in <see cref="Wire.ParseError"/>s).
/// </summary>
public sealed record OptionDefinition(byte Code, string Name, OptionFormat Format, bool Array = false)
{
    /// <summary>For <see cref="OptionFormat.Encapsulated"/>: the sub-option space.</summary>
    public OptionSpace? Encapsulates { get; init; }

    /// <summary>For <see cref="OptionFormat.Record"/>: the fixed-size fields, in order.</summary>
    public IReadOnlyList<OptionFormat> RecordFields { get; init; } = [];

    /// <summary>Shortest value the definition allows (defaults from the format).</summary>
    public int MinLength { get; init; } = -1;

    /// <summary>Longest value the definition allows (-1: unbounded).</summary>
    public int MaxLength { get; init; } = -1;

    /// <summary>Inclusive range for a uint8 value (e.g. option 52: 1..3), when the wire meaning requires one.</summary>
    public (int Min, int Max)? ValueRange { get; init; }

    /// <summary>Wireshark's field for the value, named in ParseErrors.</summary>
    public string Field { get; init; } = "dhcp.option.value";

    /// <summary>Size of one element of a fixed-size format, or 0 for variable-size ones.</summary>
    public static int FixedSize(OptionFormat format) => format switch
    {
        OptionFormat.Empty => 0,
        OptionFormat.Boolean or OptionFormat.UInt8 => 1,
        OptionFormat.UInt16 => 2,
        OptionFormat.UInt32 or OptionFormat.Int32 or OptionFormat.Ipv4Address => 4,
        _ => 0,
    };

    public int EffectiveMinLength => MinLength >= 0 ? MinLength : Format switch
    {
        OptionFormat.Empty => 0,
        OptionFormat.Record => RecordFields.Sum(FixedSize),
        OptionFormat.String or OptionFormat.Fqdn => 1,
        OptionFormat.TypedAddress => 2,
        OptionFormat.ClientIdentifier => 2,
        OptionFormat.Binary or OptionFormat.Encapsulated or OptionFormat.ViVendorClass or OptionFormat.ViVendorSpecific => 0,
        _ => FixedSize(Format),
    };
}
