namespace EUeConformance.Protocols.Dns;

/// <summary>
/// A question entry (RFC 1035 §4.1.2): QNAME, QTYPE, QCLASS. In an UPDATE message the same layout
/// is the zone section's entry: ZNAME, ZTYPE (SOA), ZCLASS (RFC 2136 §2.3).
/// </summary>
public sealed record DnsQuestion(DnsName Name, DnsType Type, DnsClass Class = DnsClass.In)
{
    /// <summary>How QNAME was laid out in the message it was decoded from (kept for byte-exact re-encoding; not part of equality).</summary>
    internal NameLayout? Layout { get; init; }

    public bool Equals(DnsQuestion? other) =>
        other is not null && Name.Equals(other.Name) && Type == other.Type && Class == other.Class;

    public override int GetHashCode() => HashCode.Combine(Name, Type, Class);

    public override string ToString() => $"{Name} {DnsRecord.ClassText(Class)} {DnsTypeDefinitions.Mnemonic(Type)}";
}
