using System.Collections.Frozen;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// A named table of option definitions (Kea: an option space). Every space here uses a 1-byte
/// code and a 1-byte length; <see cref="PadAndEnd"/> says whether code 0 is a 1-byte pad and 255
/// ends the list (true for dhcp4 and for RFC 2132 §8.4 encapsulated vendor options).
/// </summary>
public sealed class OptionSpace
{
    readonly FrozenDictionary<byte, OptionDefinition> _byCode;

    public OptionSpace(string name, bool padAndEnd, string subOptionField, string lengthField, IEnumerable<OptionDefinition> definitions)
    {
        Name = name;
        PadAndEnd = padAndEnd;
        SubOptionField = subOptionField;
        LengthField = lengthField;
        Definitions = definitions.OrderBy(d => d.Code).ToList();
        _byCode = Definitions.ToFrozenDictionary(d => d.Code);
    }

    public string Name { get; }
    public bool PadAndEnd { get; }
    /// <summary>Wireshark's field for a sub-option code in this space.</summary>
    public string SubOptionField { get; }
    /// <summary>Wireshark's field for a sub-option length in this space.</summary>
    public string LengthField { get; }
    public IReadOnlyList<OptionDefinition> Definitions { get; }

    public OptionDefinition? Find(byte code) => _byCode.GetValueOrDefault(code);

    /// <summary>The definition's name, or "Option&lt;code&gt;" for a code the table does not know.</summary>
    public string NameOf(byte code) => Find(code)?.Name ?? $"Option{code}";

    public override string ToString() => Name;
}
