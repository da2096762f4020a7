namespace EUeConformance.Protocols.Wire;

/// <summary>
/// Input a decoder cannot accept. The only exception a decoder throws for bad bytes: it names the
/// protocol, the field (Wireshark's field name where there is one, e.g. dhcp.option.length) and
/// the byte offset from the start of the datagram, so a verdict can point at the offending bytes.
/// </summary>
public sealed class ParseError(string protocol, int offset, string field, string problem)
    : Exception($"{protocol}: {field} at offset {offset}: {problem}")
{
    public string Protocol { get; } = protocol;
    public int Offset { get; } = offset;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
