using System.Net;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>
/// CL_OPTION_CCCV6 sub-option 3, the provisioning server (PROV_SNMP_ENTITY, EUE-PROV eUE-15):
/// type 0 then an FQDN in DNS wire format, or type 1 then an IPv6 address (protocol-facts.md 2.2,
/// VERIFIED against Wireshark's dissect_packetcable_cccV6_option). Any other value is kept as sent:
/// notably the seven ASCII octets "0.0.0.0", which tell the eUE not to provision (EUE-PROV eUE-3).
/// </summary>
public sealed class ProvSnmpEntity
{
    public const byte TypeFqdn = 0;
    public const byte TypeIpv6 = 1;

    static readonly byte[] ShutdownValue = "0.0.0.0"u8.ToArray();

    readonly byte[] _value;

    ProvSnmpEntity(byte[] value) => _value = value;

    public static ProvSnmpEntity FromFqdn(string fqdn)
    {
        var name = DnsLabels.Encode(fqdn);
        var value = new byte[1 + name.Length];
        value[0] = TypeFqdn;
        name.CopyTo(value, 1);
        return new ProvSnmpEntity(value);
    }

    public static ProvSnmpEntity FromAddress(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) throw new ArgumentException("type 1 carries an IPv6 address", nameof(address));
        var value = new byte[17];
        value[0] = TypeIpv6;
        address.GetAddressBytes().CopyTo(value, 1);
        return new ProvSnmpEntity(value);
    }

    /// <summary>EUE-PROV eUE-3: the opaque seven-octet ASCII string "0.0.0.0": do not provision.</summary>
    public static ProvSnmpEntity Shutdown { get; } = new(ShutdownValue);

    public static ProvSnmpEntity FromSubOption(Dhcp6Option subOption)
    {
        Dhcp6OptionSpaces.Cccv6.Validate(subOption, ClCccv6SubOption.ProvSnmpEntity);
        return new ProvSnmpEntity(subOption.Span.ToArray());
    }

    /// <summary>The sub-option's octets as sent.</summary>
    public ReadOnlyMemory<byte> Value => _value;
    public byte Type => _value[0];
    public string? Fqdn => Type == TypeFqdn ? DnsLabels.ToText(_value.AsSpan(1)) : null;
    public IPAddress? Address => Type == TypeIpv6 && _value.Length == 17 ? new IPAddress(_value.AsSpan(1)) : null;
    public bool IsShutdown => _value.AsSpan().SequenceEqual(ShutdownValue);

    public Dhcp6Option ToSubOption() => new(ClCccv6SubOption.ProvSnmpEntity, _value);

    public override string ToString() => Fqdn ?? Address?.ToString() ?? (IsShutdown ? "0.0.0.0 (shutdown)" : Convert.ToHexString(_value));
}
