using System.Buffers.Binary;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// Checks an option's data against its definition: what cannot be parsed is a
/// <see cref="ParseError"/> (a wrong size points at the option's length field, a bad value at the
/// value); what parses but breaks a rule (a DSS_ID over 32 octets, a provisioning timer over 30,
/// RFC 4704 flag combinations) is left for the verdicts to judge.
/// </summary>
static class OptionValidator
{
    public const string Protocol = "DHCPv6";
    /// <summary>Bounds recursion through encapsulations and relayed messages (RFC 3315 §5.1 HOP_COUNT_LIMIT is 32 too).</summary>
    public const int MaxDepth = 32;
    public const string GenericCodeField = "dhcpv6.vendoropts.enterprise.option_code";
    public const string GenericLengthField = "dhcpv6.vendoropts.enterprise.option_length";
    const string CapabilityLengthField = "dhcpv6.cccV6.tlv5.suboption.length";

    public static void Validate(OptionSpace space, OptionDefinition def, ReadOnlySpan<byte> data, int offset, int depth)
    {
        int length = data.Length;
        switch (def.Format)
        {
            case OptionFormat.Empty:
                if (length != 0) throw LengthError(space, def, offset, $"length {length}, must be empty");
                return;

            case OptionFormat.UInt8 or OptionFormat.UInt16 or OptionFormat.UInt32 or OptionFormat.Int32 or OptionFormat.UInt64
                or OptionFormat.Ipv4Address or OptionFormat.Ipv6Address:
                int size = OptionDefinition.SizeOf(def.Format);
                if (def.IsArray)
                {
                    if (length % size != 0) throw LengthError(space, def, offset, $"length {length} is not a multiple of {size}");
                }
                else if (length != size) throw LengthError(space, def, offset, $"length {length}, needs {size}");
                return;

            case OptionFormat.String or OptionFormat.Binary:
                return;

            case OptionFormat.Fqdn:
                ValidateNames(def, data, offset, single: !def.IsArray);
                return;

            case OptionFormat.Record:
                int fixedSize = def.FixedSize;
                if (length < fixedSize) throw LengthError(space, def, offset, $"length {length}, needs at least {fixedSize}");
                if (def.EncapsulatedSpace is { } inner)
                    Dhcp6OptionReader.ValidateAll(data[fixedSize..], offset + fixedSize, inner, depth + 1);
                else if (def.Tail == OptionFormat.Empty && length != fixedSize)
                    throw LengthError(space, def, offset, $"length {length}, needs {fixedSize}");
                return;

            case OptionFormat.Duid:
                ValidateDuid(space, data, offset, def);
                return;

            case OptionFormat.ClientFqdn:
                if (length < 1) throw LengthError(space, def, offset, "length 0, needs at least the flags octet (RFC 4704 §4)");
                // RFC 4704 §4.2: a fully qualified name, a partial name (no root label), or nothing.
                DnsLabels.ValidateExact(data[1..], offset + 1, Protocol, def.Field, allowPartial: true);
                return;

            case OptionFormat.VendorClass:
                ValidateVendorClass(space, data, offset, def);
                return;

            case OptionFormat.VendorOpts:
                if (length < 4) throw LengthError(space, def, offset, $"length {length}, needs at least 4 for the enterprise number (RFC 3315 §22.17)");
                uint enterprise = BinaryPrimitives.ReadUInt32BigEndian(data);
                // RFC 3315 §22.17: vendor-option-data is always code/length/value encoded, so foreign enterprises are framed too.
                Dhcp6OptionReader.ValidateAll(data[4..], offset + 4, Dhcp6OptionSpaces.ForEnterprise(enterprise), depth + 1);
                return;

            case OptionFormat.DhcpMessage:
                Dhcp6Message.Validate(data, offset, depth + 1);
                return;

            case OptionFormat.ProvSnmpEntity:
                ValidateProvSnmpEntity(space, data, offset, def);
                return;

            case OptionFormat.CapabilityTlvs:
                ValidateCapabilities(data, offset);
                return;

            default:
                throw new InvalidOperationException($"format {def.Format} has no validator");
        }
    }

    static void ValidateNames(OptionDefinition def, ReadOnlySpan<byte> data, int offset, bool single)
    {
        if (single)
        {
            // One name (a Kerberos realm): an empty value is not a name.
            DnsLabels.ValidateExact(data, offset, Protocol, def.Field);
            return;
        }
        // A list (RFC 3646 search list): names one after another, none partial.
        for (int pos = 0; pos < data.Length;)
            pos += DnsLabels.Validate(data[pos..], offset + pos, Protocol, def.Field, allowPartial: false, out _);
    }

    static void ValidateDuid(OptionSpace space, ReadOnlySpan<byte> data, int offset, OptionDefinition def)
    {
        // The DUID's rules are shared with DHCPv4 option 61; DHCPv6 points a wrong size at the option's length field.
        if (Duid.LayoutProblem(data) is { } problem) throw LengthError(space, def, offset, problem);
    }

    static void ValidateVendorClass(OptionSpace space, ReadOnlySpan<byte> data, int offset, OptionDefinition def)
    {
        if (data.Length < 4) throw LengthError(space, def, offset, $"length {data.Length}, needs at least 4 for the enterprise number (RFC 3315 §22.16)");
        int pos = 4;
        while (pos < data.Length)
        {
            if (data.Length - pos < 2)
                throw new ParseError(Protocol, offset + pos, def.Field, "needs 2 octets for a vendor-class-data length");
            int len = BinaryPrimitives.ReadUInt16BigEndian(data[pos..]);
            if (len > data.Length - pos - 2)
                throw new ParseError(Protocol, offset + pos, def.Field, $"vendor-class-data length {len} runs past the end ({data.Length - pos - 2} octets left)");
            pos += 2 + len;
        }
    }

    static void ValidateProvSnmpEntity(OptionSpace space, ReadOnlySpan<byte> data, int offset, OptionDefinition def)
    {
        if (data.Length < 1) throw LengthError(space, def, offset, "length 0, needs at least the type octet");
        switch (data[0])
        {
            case 0:
                DnsLabels.ValidateExact(data[1..], offset + 1, Protocol, "dhcpv6.packetcable.cccV6.prov_srv.fqdn");
                return;
            case 1:
                if (data.Length != 17) throw LengthError(space, def, offset, $"length {data.Length}: type 1 (IPv6) needs 17");
                return;
            default:
                // Any other first octet, such as the 7-octet ASCII "0.0.0.0" shutdown value (EUE-PROV eUE-3), is kept for judging.
                return;
        }
    }

    static void ValidateCapabilities(ReadOnlySpan<byte> data, int offset)
    {
        int pos = 0;
        while (pos < data.Length)
        {
            if (data.Length - pos < 2)
                throw new ParseError(Protocol, offset + pos, CapabilityLengthField, "needs 2 octets for a capability type and length");
            int len = data[pos + 1];
            if (len > data.Length - pos - 2)
                throw new ParseError(Protocol, offset + pos + 1, CapabilityLengthField, $"capability {data[pos]}: length {len} runs past the end ({data.Length - pos - 2} octets left)");
            pos += 2 + len;
        }
    }

    /// <summary>A size the definition does not allow: the error points at the option's length field, 2 octets before its data.</summary>
    static ParseError LengthError(OptionSpace space, OptionDefinition def, int dataOffset, string problem) =>
        new(Protocol, dataOffset - 2, space.LengthField, $"{def.Name}: {problem}");
}
