using System.Net;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Headend.Servers.Common;

/// <summary>Publishing one exchange, with the server's own notes (which overrides acted, why nothing was sent) under "headend.note".</summary>
public static class EvidenceNotes
{
    public const string NoteField = "headend.note";

    public static EvidenceEvent Publish(this IEvidenceSink sink, string service, Direction direction, IPEndPoint local, IPEndPoint peer,
        string protocol, string kind, IReadOnlyDictionary<string, string> fields, object? message, ReadOnlyMemory<byte> raw,
        IReadOnlyList<string>? notes = null, string? error = null)
    {
        var all = new Dictionary<string, string>(fields);
        if (notes is { Count: > 0 }) all[NoteField] = string.Join("; ", notes);
        return sink.Publish(new EvidenceDraft(service, direction, local, peer, protocol, kind, all, message, error, raw));
    }
}
