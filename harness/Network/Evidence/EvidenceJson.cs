using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EUeConformance.Network.Evidence;

/// <summary>
/// One evidence event as one line of events.jsonl. The properties always come in the same order
/// (seq, time, service, direction, local, peer, protocol, kind, fields, error, raw), the fields
/// sorted by name (ordinal), the time in ISO 8601 UTC with 100 ns digits, the raw bytes in lowercase
/// hex: the same event always gives the same bytes, so two runs with one seed compare byte for byte.
/// The typed message is not written: the fields and the raw bytes carry everything an auditor re-judges.
/// </summary>
public static class EvidenceJson
{
    static readonly JsonWriterOptions Options = new()
    {
        // The file is read as JSON, never embedded in HTML: keep '<', '&' and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Line(EvidenceEvent evidence)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", evidence.Sequence);
            json.WriteString("time", evidence.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("service", evidence.Service);
            json.WriteString("direction", evidence.Direction == Direction.Received ? "received" : "sent");
            json.WriteString("local", evidence.Local.ToString());
            json.WriteString("peer", evidence.Peer.ToString());
            json.WriteString("protocol", evidence.Protocol);
            json.WriteString("kind", evidence.Kind);
            json.WriteStartObject("fields");
            foreach (var (name, value) in evidence.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                json.WriteString(name, value);
            json.WriteEndObject();
            if (evidence.Error is null) json.WriteNull("error");
            else json.WriteString("error", evidence.Error);
            json.WriteString("raw", Convert.ToHexStringLower(evidence.Raw.Span));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
