using System.Text.Json;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>Reads a report.json written by <see cref="ReportJsonWriter"/> back into the <see cref="RunReport"/> it came from.</summary>
public static class ReportJsonReader
{
    /// <exception cref="FileNotFoundException">no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">the file is not a report.json this suite can read; the message says why and where.</exception>
    public static RunReport Read(string path)
    {
        string text = File.ReadAllText(path);
        try { return Parse(text); }
        catch (InvalidDataException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <exception cref="InvalidDataException">the text is not a report.json this suite can read.</exception>
    public static RunReport Parse(string json)
    {
        RunReport? report;
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                // Checked first: deserialising some other JSON file would give a confusing "missing property" message.
                if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                    !doc.RootElement.TryGetProperty(ReportJsonWriter.FormatProperty, out var format))
                    throw new InvalidDataException($"not an EUeConformance report.json (no '{ReportJsonWriter.FormatProperty}' property)");
                if (format.ValueKind != JsonValueKind.Number || !format.TryGetInt32(out int f) || f != ReportJsonWriter.Format)
                    throw new InvalidDataException($"report format {format.GetRawText()} is not supported by this suite (it reads format {ReportJsonWriter.Format})");
            }
            report = JsonSerializer.Deserialize<RunReport>(json, ReportJsonWriter.Options);
        }
        catch (JsonException e)
        {
            // System.Text.Json's message already names the JSON path and line.
            throw new InvalidDataException($"malformed report.json: {e.Message}", e);
        }
        if (report is null) throw new InvalidDataException("report.json holds null");

        // A status outside the closed vocabulary would be silently shown as something it is not.
        foreach (var r in report.Requirements)
            if (!RequirementStatus.All.Contains(r.Status))
                throw new InvalidDataException($"requirement {r.Id} has unknown status '{r.Status}' (one of: {string.Join(", ", RequirementStatus.All)})");
        return report;
    }
}
