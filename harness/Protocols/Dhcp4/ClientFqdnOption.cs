using System.Text;
using EUeConformance.Protocols.Dns;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Protocols.Dhcp4;

/// <summary>The flags octet of option 81 (RFC 4702 §2.1: <c>| MBZ |N|E|O|S|</c>).</summary>
[Flags]
public enum ClientFqdnFlags : byte
{
    None = 0,
    /// <summary>The server should perform (client) / performs (server) the A RR update.</summary>
    S = 0x01,
    /// <summary>The server has overridden the client's S bit.</summary>
    O = 0x02,
    /// <summary>The name is in canonical wire format (RFC 1035 labels), not ASCII.</summary>
    E = 0x04,
    /// <summary>No DNS updates at all.</summary>
    N = 0x08,
}

/// <summary>
/// DHCPv4 option 81, Client FQDN (RFC 4702): flags, two deprecated RCODE octets (a server sends 255 in
/// both, §2.2), then the domain name, in wire format when E is set (possibly partial: no root label) or as
/// ASCII otherwise. The DHCPv4 counterpart of DHCPv6 OPTION_FQDN, through which the eUE learns the FQDN
/// the headend gave it and the DHCP server learns which A record to add (EUE-PROV 6.2.2).
/// </summary>
public sealed record ClientFqdnOption(ClientFqdnFlags Flags, string DomainName, bool IsFullyQualified = true, byte Rcode1 = 255, byte Rcode2 = 255)
{
    public const byte Code = 81;

    public bool S => (Flags & ClientFqdnFlags.S) != 0;
    public bool N => (Flags & ClientFqdnFlags.N) != 0;
    public bool E => (Flags & ClientFqdnFlags.E) != 0;

    public static ClientFqdnOption Decode(ReadOnlySpan<byte> value, int baseOffset = 0)
    {
        var r = new WireReader(value, Dhcp4Protocol.Name, baseOffset);
        var flags = (ClientFqdnFlags)r.ReadByte("dhcp.fqdn.flags");
        byte rcode1 = r.ReadByte("dhcp.fqdn.rcode1");
        byte rcode2 = r.ReadByte("dhcp.fqdn.rcode2");
        var name = r.Rest;
        if ((flags & ClientFqdnFlags.E) != 0)
        {
            bool fq = name.IsEmpty ? false : DnsLabels.ValidateExact(name, r.Offset, Dhcp4Protocol.Name, "dhcp.fqdn.name", allowPartial: true);
            return new ClientFqdnOption(flags, name.IsEmpty ? "" : DnsLabels.ToText(name), fq, rcode1, rcode2);
        }
        string text = OptionText.Decode(name);
        return new ClientFqdnOption(flags, text.TrimEnd('.'), text.EndsWith('.'), rcode1, rcode2);
    }

    public byte[] Encode()
    {
        var b = new WireBuffer(3 + DomainName.Length + 2);
        b.WriteByte((byte)Flags);
        b.WriteByte(Rcode1);
        b.WriteByte(Rcode2);
        if (DomainName.Length > 0)
        {
            if (E) b.WriteBytes(DnsLabels.Encode(DomainName, IsFullyQualified));
            else b.WriteBytes(Encoding.ASCII.GetBytes(IsFullyQualified ? DomainName + "." : DomainName));
        }
        return b.ToArray();
    }

    public DhcpOption ToOption() => new(Code, Encode());

    public static ClientFqdnOption? From(DhcpMessage message) => message.GetOption(Code) is { } o ? Decode(o.Value, Math.Max(o.Offset, 0)) : null;
}
