using System.Globalization;
using EUeConformance.Headend.Servers.Common;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Cli.Bench;

/// <summary>
/// One evidence event as one line for a person watching the bench: time, service, which way, the kind,
/// the peer, and what the server noted or could not decode, e.g.
/// <c>12:00:01.234 eue-dhcpv4   ← DISCOVER   from 0.0.0.0:68</c>.
/// </summary>
public static class EvidenceLine
{
    public static string Of(EvidenceEvent e)
    {
        var time = e.At.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var arrow = e.Direction == Direction.Received ? "← " : "→ ";
        var way = e.Direction == Direction.Received ? "from" : "to";
        var line = $"{time} {e.Service,-11} {arrow}{e.Kind,-14} {way} {e.Peer}";
        if (e.Error is { } error) line += $"  [undecodable: {error}]";
        if (e.Fields.TryGetValue(EvidenceNotes.NoteField, out var note)) line += $"  ({note})";
        return line;
    }
}
