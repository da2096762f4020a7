using System.Buffers;
using System.Text;

namespace EUeConformance.Protocols.Dns;

/// <summary>
/// A DNS message (RFC 1035 §4.1): the header's fields one by one, then the four sections in wire
/// order. An UPDATE message (opcode 5, RFC 2136 §2) has the same layout with the sections renamed
/// Zone, Prerequisite, Update and Additional; <see cref="Zones"/>, <see cref="Prerequisites"/> and
/// <see cref="Updates"/> name them so. The section counts are not stored: they are the lists' sizes.
/// </summary>
public sealed record DnsMessage
{
    public ushort Id { get; init; }
    /// <summary>QR: a response.</summary>
    public bool IsResponse { get; init; }
    public DnsOpcode Opcode { get; init; }
    /// <summary>AA.</summary>
    public bool Authoritative { get; init; }
    /// <summary>TC (RFC 1035 §4.1.1; RFC 2181 §9).</summary>
    public bool Truncated { get; init; }
    /// <summary>RD.</summary>
    public bool RecursionDesired { get; init; }
    /// <summary>RA.</summary>
    public bool RecursionAvailable { get; init; }
    /// <summary>The reserved Z bit (0x0040), which must be zero (RFC 1035 §4.1.1); kept so that a device setting it can be judged.</summary>
    public bool Z { get; init; }
    /// <summary>AD (RFC 4035 §3.2.3).</summary>
    public bool AuthenticData { get; init; }
    /// <summary>CD (RFC 4035 §3.2.2).</summary>
    public bool CheckingDisabled { get; init; }
    /// <summary>The header's 4-bit RCODE; see <see cref="ExtendedRcode"/> for the EDNS-extended value.</summary>
    public DnsRcode Rcode { get; init; }

    public IReadOnlyList<DnsQuestion> Questions { get; init; } = [];
    public IReadOnlyList<DnsRecord> Answers { get; init; } = [];
    public IReadOnlyList<DnsRecord> Authorities { get; init; } = [];
    public IReadOnlyList<DnsRecord> Additionals { get; init; } = [];

    /// <summary>RFC 2136 §2.3: the zone section (question layout) of an UPDATE.</summary>
    public IReadOnlyList<DnsQuestion> Zones => Questions;
    /// <summary>RFC 2136 §2.4: the prerequisite section (answer position) of an UPDATE.</summary>
    public IReadOnlyList<DnsRecord> Prerequisites => Answers;
    /// <summary>RFC 2136 §2.5: the update section (authority position) of an UPDATE.</summary>
    public IReadOnlyList<DnsRecord> Updates => Authorities;

    /// <summary>The 16-bit flags word as on the wire.</summary>
    public ushort Flags =>
        (ushort)((IsResponse ? 0x8000 : 0) | ((int)Opcode & 0xF) << 11 | (Authoritative ? 0x0400 : 0) | (Truncated ? 0x0200 : 0)
                 | (RecursionDesired ? 0x0100 : 0) | (RecursionAvailable ? 0x0080 : 0) | (Z ? 0x0040 : 0)
                 | (AuthenticData ? 0x0020 : 0) | (CheckingDisabled ? 0x0010 : 0) | ((int)Rcode & 0xF));

    /// <summary>The first OPT record of the additional section read as EDNS (RFC 6891 §6.1.1), or null.</summary>
    public EdnsData? Edns => Additionals.FirstOrDefault(r => r.Type == DnsType.Opt)?.Edns;

    /// <summary>RFC 6891 §6.1.3: the 12-bit RCODE, the OPT record's 8 upper bits above the header's 4.</summary>
    public int ExtendedRcode => (Edns?.ExtendedRcode ?? 0) << 4 | ((int)Rcode & 0xF);

    /// <summary>Decodes one message; anything malformed is a <see cref="Wire.ParseError"/> with its offset.</summary>
    public static DnsMessage Decode(ReadOnlySpan<byte> data) => DnsMessageDecoder.Decode(data);

    public byte[] Encode(DnsEncodeOptions? options = null)
    {
        var output = new ArrayBufferWriter<byte>();
        Encode(output, options);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Encodes the message, compressing names and, when it would exceed <see cref="DnsEncodeOptions.MaxSize"/>, dropping whole records and setting TC (RFC 2181 §9).</summary>
    public void Encode(IBufferWriter<byte> output, DnsEncodeOptions? options = null) =>
        DnsMessageEncoder.Encode(this, options ?? DnsEncodeOptions.Default).CopyTo(output);

    // ---- messages the suite builds ----

    /// <summary>A standard query for one name and type (RD set, as a stub resolver sends it), optionally with an OPT record.</summary>
    public static DnsMessage Query(ushort id, DnsName name, DnsType type, bool recursionDesired = true, EdnsData? edns = null) => new()
    {
        Id = id,
        RecursionDesired = recursionDesired,
        Questions = [new DnsQuestion(name, type)],
        Additionals = edns is null ? [] : [DnsRecord.Opt(edns)],
    };

    /// <summary>A response to <paramref name="query"/>: same ID, opcode, RD and question (RFC 1035 §4.1.1), QR set.</summary>
    public static DnsMessage ResponseTo(DnsMessage query, IReadOnlyList<DnsRecord>? answers = null, DnsRcode rcode = DnsRcode.NoError,
        bool authoritative = true, bool recursionAvailable = false) => new()
    {
        Id = query.Id,
        IsResponse = true,
        Opcode = query.Opcode,
        Authoritative = authoritative,
        RecursionDesired = query.RecursionDesired,
        RecursionAvailable = recursionAvailable,
        CheckingDisabled = query.CheckingDisabled,
        Rcode = rcode,
        Questions = query.Questions,
        Answers = answers ?? [],
    };

    /// <summary>An RFC 2136 UPDATE: zone section with the zone's SOA question (§2.3), then prerequisites and updates.</summary>
    public static DnsMessage Update(ushort id, DnsName zone, IReadOnlyList<DnsRecord> prerequisites, IReadOnlyList<DnsRecord> updates,
        DnsClass zoneClass = DnsClass.In) => new()
    {
        Id = id,
        Opcode = DnsOpcode.Update,
        Questions = [new DnsQuestion(zone, DnsType.Soa, zoneClass)],
        Answers = prerequisites,
        Authorities = updates,
    };

    public bool Equals(DnsMessage? other) =>
        other is not null && Flags == other.Flags && Id == other.Id
        && Questions.SequenceEqual(other.Questions) && Answers.SequenceEqual(other.Answers)
        && Authorities.SequenceEqual(other.Authorities) && Additionals.SequenceEqual(other.Additionals);

    public override int GetHashCode() => HashCode.Combine(Id, Flags, Questions.Count, Answers.Count, Authorities.Count, Additionals.Count);

    /// <summary>A dig-like summary for logs and evidence.</summary>
    public override string ToString()
    {
        bool update = Opcode == DnsOpcode.Update;
        var sb = new StringBuilder();
        sb.Append($"id={Id} {Opcode} {(IsResponse ? "response" : "query")} rcode={Rcode} flags=");
        var f = new List<string>();
        if (IsResponse) f.Add("qr");
        if (Authoritative) f.Add("aa");
        if (Truncated) f.Add("tc");
        if (RecursionDesired) f.Add("rd");
        if (RecursionAvailable) f.Add("ra");
        if (Z) f.Add("z");
        if (AuthenticData) f.Add("ad");
        if (CheckingDisabled) f.Add("cd");
        sb.Append(f.Count == 0 ? "-" : string.Join(",", f));
        Section(update ? "ZONE" : "QUESTION", Questions);
        Section(update ? "PREREQUISITE" : "ANSWER", Answers);
        Section(update ? "UPDATE" : "AUTHORITY", Authorities);
        Section("ADDITIONAL", Additionals);
        return sb.ToString();

        void Section<T>(string title, IReadOnlyList<T> items)
        {
            if (items.Count == 0) return;
            sb.Append($"; {title}: ").AppendJoin(" | ", items);
        }
    }
}
