using System.Net;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>
/// Option 122 sub-option 3, the TSP's Provisioning Server (the SNMP entity, pktcMtaDevSnmpEntity):
/// RFC 3495 §5.2: a type octet, then 0 = an FQDN (RFC 1035 §3.1, no compression) or 1 = an IPv4
/// address (sub-option length exactly 5). Exactly one of <see cref="Fqdn"/>, <see cref="Address"/> is set.
/// </summary>
public sealed record ProvisioningServerAddress
{
    public const byte FqdnType = 0, Ipv4Type = 1;
    const string Field = "dhcp.vendor.pc.ietf_ccc.suboption";

    ProvisioningServerAddress(string? fqdn, IPAddress? address) { Fqdn = fqdn; Address = address; }

    public string? Fqdn { get; }
    public IPAddress? Address { get; }

    public static ProvisioningServerAddress FromFqdn(string fqdn) => new(fqdn, null);
    public static ProvisioningServerAddress FromAddress(IPAddress address) => new(null, address);

    public static ProvisioningServerAddress Decode(ReadOnlySpan<byte> value, int baseOffset)
    {
        var reader = new WireReader(value, Dhcp4Protocol.Name, baseOffset);
        int typeAt = reader.Offset;
        byte type = reader.ReadByte(Field);
        switch (type)
        {
            case FqdnType:
                return new ProvisioningServerAddress(DnsLabels.Decode(reader.Rest, reader.Offset, Dhcp4Protocol.Name, Field), null);
            case Ipv4Type:
                if (reader.Remaining != 4) throw reader.Error("dhcp.option.suboption_length", $"an IPv4 provisioning server takes sub-option length 5, not {value.Length}");
                return new ProvisioningServerAddress(null, Addresses.One(reader.ReadBytes(4, Field)));
            default:
                throw reader.Error(Field, $"provisioning server address type {type} is neither 0 (FQDN) nor 1 (IPv4) (RFC 3495 §5.2)", typeAt);
        }
    }

    public byte[] Encode() => Address is { } a ? [Ipv4Type, .. Addresses.Bytes(a)] : [FqdnType, .. DnsLabels.Encode(Fqdn!)];

    public override string ToString() => Fqdn ?? Address!.ToString();
}

/// <summary>The provisioning flow the Kerberos realm of 122.6 / CCCV6.6 selects (EUE-PROV eUE-3, PKT-PROV1.5).</summary>
public enum ProvisioningFlow
{
    Secure,
    Hybrid,
    Basic,
}

/// <summary>Security ticket control bits of 122.9 (RFC 3594 §3).</summary>
[Flags]
public enum SecurityTicketControl : ushort
{
    None = 0,
    /// <summary>Invalidate the Provisioning Application Server's ticket.</summary>
    InvalidateProvisioningServerTicket = 0x0001,
    /// <summary>Invalidate all Call Management Server tickets.</summary>
    InvalidateAllCallManagementServerTickets = 0x0002,
}
