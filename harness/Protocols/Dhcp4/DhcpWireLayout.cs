namespace EUeConformance.Protocols.Dhcp4;

public enum LayoutElementKind
{
    /// <summary>A run of <see cref="LayoutElement.Length"/> pad options (code 0).</summary>
    Pad,
    /// <summary>One instance of option <see cref="LayoutElement.Code"/> carrying <see cref="LayoutElement.Length"/> value bytes.</summary>
    Instance,
    /// <summary>The end option (255).</summary>
    End,
    /// <summary>Bytes after the end option (padding to 300 bytes, or whatever a sender left there).</summary>
    Trailer,
}

public readonly record struct LayoutElement(LayoutElementKind Kind, byte Code, int Length, byte[]? Bytes = null);

/// <summary>
/// How a decoded message's options sat on the wire: per field (options, and file/sname when
/// option 52 overloads them), the sequence of pads, option instances, end and trailing bytes.
/// The encoder replays it while it still describes the message's options, so that a decoded
/// message re-encodes to exactly the bytes it came from (splits, pads, trailer and all); a
/// message whose options were changed is encoded canonically instead.
/// </summary>
public sealed class DhcpWireLayout
{
    public DhcpWireLayout(IReadOnlyList<LayoutElement> options, IReadOnlyList<LayoutElement>? file, IReadOnlyList<LayoutElement>? sName)
    {
        OptionsField = options;
        File = file;
        SName = sName;
    }

    public IReadOnlyList<LayoutElement> OptionsField { get; }
    /// <summary>Null unless option 52 put options in the file field.</summary>
    public IReadOnlyList<LayoutElement>? File { get; }
    /// <summary>Null unless option 52 put options in the sname field.</summary>
    public IReadOnlyList<LayoutElement>? SName { get; }

    public bool OptionsEndMissing => !OptionsField.Any(e => e.Kind == LayoutElementKind.End);
    public bool FileEndMissing => File is not null && !File.Any(e => e.Kind == LayoutElementKind.End);
    public bool SNameEndMissing => SName is not null && !SName.Any(e => e.Kind == LayoutElementKind.End);

    /// <summary>Fields in RFC 3396 concatenation order: options, then file, then sname.</summary>
    public IEnumerable<IReadOnlyList<LayoutElement>> Fields
    {
        get
        {
            yield return OptionsField;
            if (File is not null) yield return File;
            if (SName is not null) yield return SName;
        }
    }

    /// <summary>How many instances option <paramref name="code"/> was sent as.</summary>
    public int InstanceCount(byte code) => Fields.Sum(f => f.Count(e => e.Kind == LayoutElementKind.Instance && e.Code == code));

    /// <summary>Whether replaying this layout yields exactly <paramref name="options"/> (same codes, order, lengths) with these overloads.</summary>
    public bool Describes(IReadOnlyList<DhcpOption> options, OptionOverload overload)
    {
        if ((File is not null) != overload.HasFlag(OptionOverload.File) || (SName is not null) != overload.HasFlag(OptionOverload.SName)) return false;
        var lengths = new Dictionary<byte, int>();
        var order = new List<byte>();
        foreach (var field in Fields)
            foreach (var e in field)
                if (e.Kind == LayoutElementKind.Instance)
                {
                    if (!lengths.TryGetValue(e.Code, out int sum)) order.Add(e.Code);
                    lengths[e.Code] = sum + e.Length;
                }
        if (order.Count != options.Count) return false;
        for (int i = 0; i < order.Count; i++)
            if (options[i].Code != order[i] || options[i].Length != lengths[order[i]]) return false;
        return true;
    }
}
