using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>
/// report.json: the whole <see cref="RunReport"/>, losslessly, for machines (--rerun-failed, dashboards)
/// and as the data the HTML report embeds. Requirement and scenario counts are included so a CI
/// script can gate on them without recounting.
/// </summary>
public static class ReportJsonWriter
{
    public const string FileName = "report.json";

    /// <summary>Bumped when the shape changes incompatibly; <see cref="ReportJsonReader"/> refuses other formats.</summary>
    public const int Format = 1;

    /// <summary>The property that carries <see cref="Format"/>, first in the file.</summary>
    public const string FormatProperty = "reportFormat";

    /// <summary>Shared with the reader so that what one writes the other reads.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            // The same bytes on every platform.
            NewLine = "\n",
            // report.json is read as a file, never parsed as HTML: keep "<", "&" and non-ASCII readable.
            // (The HTML writer re-escapes before embedding.)
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // An absent optional value is written as null, so the auditor sees it was absent, not forgotten.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // A duration of NaN or Infinity must not make the whole report unwritable.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // A hand-edited or truncated file fails loudly on read instead of yielding nulls in non-null fields.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        o.Converters.Add(new VerdictJsonConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string ToJson(RunReport report)
    {
        var body = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        // The format marker goes first so that `head report.json` identifies the file.
        var root = new JsonObject { [FormatProperty] = Format };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            root[name] = value;
        }
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>Writes <see cref="FileName"/> into <paramref name="outDir"/> and returns its full path.</summary>
    public static string Write(RunReport report, string outDir) =>
        ReportFile.Write(Path.Combine(outDir, FileName), ToJson(report));
}
