using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Checks a value against its <see cref="OptionDefinition"/>: length bounds, fixed sizes and
/// array multiples, value ranges, and the structure of composite formats (recursively into
/// encapsulated spaces). Throws <see cref="ParseError"/> with the absolute offset; accepts
/// anything a definition does not constrain.
/// </summary>
public static class OptionValidator
{
    public static void Validate(OptionDefinition definition, ReadOnlySpan<byte> value, int baseOffset)
    {
        string field = definition.Field;
        if (value.Length < definition.EffectiveMinLength)
            throw Error(baseOffset, field, value.Length == 0
                ? $"{definition.Name} must not be empty"
                : $"{definition.Name} needs at least {definition.EffectiveMinLength} byte(s), has {value.Length}");
        if (definition.MaxLength >= 0 && value.Length > definition.MaxLength)
            throw Error(baseOffset, field, $"{definition.Name} allows at most {definition.MaxLength} byte(s), has {value.Length}");

        int size = OptionDefinition.FixedSize(definition.Format);
        switch (definition.Format)
        {
            case OptionFormat.Empty:
                if (value.Length != 0) throw Error(baseOffset, field, $"{definition.Name} carries no value, has {value.Length} byte(s)");
                break;
            case OptionFormat.Boolean or OptionFormat.UInt8 or OptionFormat.UInt16 or OptionFormat.UInt32 or OptionFormat.Int32 or OptionFormat.Ipv4Address:
                if (definition.Array ? value.Length == 0 || value.Length % size != 0 : value.Length != size)
                    throw Error(baseOffset, field, definition.Array
                        ? $"{definition.Name} is a list of {size}-byte items, {value.Length} byte(s) is not"
                        : $"{definition.Name} has {size} byte(s), not {value.Length}");
                if (definition.ValueRange is var (min, max) && size == 1)
                    for (int i = 0; i < value.Length; i++)
                        if (value[i] < min || value[i] > max)
                            throw Error(baseOffset + i, field, $"{definition.Name} value {value[i]} is outside {min}..{max}");
                break;
            case OptionFormat.Record:
                int recordSize = definition.RecordFields.Sum(OptionDefinition.FixedSize);
                if (definition.Array ? value.Length == 0 || value.Length % recordSize != 0 : value.Length != recordSize)
                    throw Error(baseOffset, field, $"{definition.Name} is a {recordSize}-byte record, not {value.Length} byte(s)");
                break;
            case OptionFormat.Fqdn:
                // RFC 3495 §5: one name, with its root label, never compressed.
                DnsLabels.ValidateExact(value, baseOffset, Dhcp4Protocol.Name, field);
                break;
            case OptionFormat.TypedAddress:
                ProvisioningServerAddress.Decode(value, baseOffset);
                break;
            case OptionFormat.Encapsulated:
                SubOptionList.Parse(value, definition.Encapsulates!, baseOffset);
                break;
            case OptionFormat.ClientIdentifier:
                ClientIdentifier.Decode(value, baseOffset);
                break;
            case OptionFormat.ViVendorClass:
                VendorIdentifyingData.Decode(value, baseOffset, definition.Field, specific: false);
                break;
            case OptionFormat.ViVendorSpecific:
                VendorIdentifyingData.Decode(value, baseOffset, definition.Field, specific: true);
                break;
        }
    }

    static ParseError Error(int offset, string field, string problem) => new(Dhcp4Protocol.Name, offset, field, problem);
}
