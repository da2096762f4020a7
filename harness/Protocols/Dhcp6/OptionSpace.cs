using System.Collections.Frozen;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// A table of option definitions sharing one code space (Kea's option space). Every space used
/// here frames its options as code(2) length(2) value; <see cref="CodeField"/> and
/// <see cref="LengthField"/> are the Wireshark fields that name those two in a parse error.
/// </summary>
public sealed class OptionSpace
{
    const int DirectCodes = 64;
    readonly FrozenDictionary<ushort, OptionDefinition> _byCode;
    // Codes below 64 (all of dhcp6's and most CableLabs ones) are looked up by index: the decoder's hot path.
    readonly OptionDefinition?[] _direct = new OptionDefinition?[DirectCodes];

    public OptionSpace(string name, string codeField, string lengthField, IEnumerable<OptionDefinition> definitions)
    {
        Name = name;
        CodeField = codeField;
        LengthField = lengthField;
        var dict = new Dictionary<ushort, OptionDefinition>();
        foreach (var d in definitions)
            if (!dict.TryAdd(d.Code, d)) throw new ArgumentException($"option {d.Code} defined twice in space {name}");
        _byCode = dict.ToFrozenDictionary();
        foreach (var d in dict.Values)
            if (d.Code < DirectCodes) _direct[d.Code] = d;
        Definitions = [.. dict.Values.OrderBy(d => d.Code)];
    }

    public string Name { get; }
    public string CodeField { get; }
    public string LengthField { get; }
    public IReadOnlyList<OptionDefinition> Definitions { get; }

    /// <summary>The definition of <paramref name="code"/>, or null for an option this table does not know (kept byte for byte).</summary>
    public OptionDefinition? Find(ushort code) => code < DirectCodes ? _direct[code] : _byCode.GetValueOrDefault(code);

    public OptionDefinition this[ushort code] => Find(code) ?? throw new KeyNotFoundException($"no option {code} in space {Name}");

    /// <summary>Checks an option of this space against its definition (nothing for an unknown code); throws <see cref="Wire.ParseError"/>.</summary>
    public void Validate(Dhcp6Option option)
    {
        // A decoded option was checked in its space already: the typed accessors do not pay twice.
        if (ReferenceEquals(option.CheckedIn, this)) return;
        if (Find(option.Code) is { } definition)
            OptionValidator.Validate(this, definition, option.Span, option.DataOffset, 0);
    }

    /// <summary>As <see cref="Validate(Dhcp6Option)"/>, for a reader of option <paramref name="code"/>: another code is a programming error.</summary>
    public void Validate(Dhcp6Option option, ushort code)
    {
        if (option.Code != code) throw new ArgumentException($"option {option.Code} is not option {code} of space {Name}", nameof(option));
        Validate(option);
    }

    public override string ToString() => Name;
}
