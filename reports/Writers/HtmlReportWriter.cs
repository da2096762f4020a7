using System.Net;
using System.Text;
using EUeConformance.Reports.Model;

namespace EUeConformance.Reports.Writers;

/// <summary>
/// index.html: one self-contained file (inline style and script, the report embedded as JSON) that an
/// auditor can open from a USB stick or an archive, with no network. A Content-Security-Policy forbids
/// the page to load anything at all, so even a slip in the script could not fetch from outside.
/// </summary>
public static class HtmlReportWriter
{
    public const string FileName = "index.html";

    /// <summary>Where the script finds the report: a data block the browser never executes.</summary>
    public const string DataElementId = "report-data";

    const string Csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    static readonly Lazy<string> Css = new(() => Asset("report.css", "</style"));
    static readonly Lazy<string> Script = new(() => Asset("report.js", "</script"));

    public static string Render(RunReport report)
    {
        var run = report.Run;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(Csp).Append("\">\n");
        // An empty data: icon stops the browser asking the server for /favicon.ico when the report is served.
        sb.Append("<link rel=\"icon\" href=\"data:,\">\n");
        sb.Append("<title>").Append(Html($"{run.Suite} {run.SuiteVersion}: {run.DutName}")).Append("</title>\n");
        sb.Append("<style>\n").Append(Css.Value).Append("</style>\n</head>\n<body>\n<div id=\"app\">\n");
        sb.Append("<header id=\"run\"></header>\n");
        sb.Append("<noscript><p class=\"banner\">This report is drawn by JavaScript, which is off. The same results are in traceability.md, junit.xml and report.json beside this file.</p></noscript>\n");
        sb.Append("<section id=\"counts\"></section>\n");
        sb.Append("<section>\n<h2>Requirements</h2>\n<div id=\"filters\"></div>\n");
        sb.Append("<table id=\"requirements\">\n<thead><tr><th>ID</th><th>Section</th><th>Keyword</th><th>Actor</th><th>Method</th><th>Status</th><th>Scenarios</th><th>Summary and reason</th></tr></thead>\n");
        sb.Append("<tbody id=\"req-body\"></tbody>\n</table>\n</section>\n");
        sb.Append("<details class=\"block\" id=\"all-scenarios\"><summary id=\"all-scenarios-title\">All scenarios</summary></details>\n");
        sb.Append("<details class=\"block\" id=\"profile\"><summary id=\"profile-title\">DUT profile</summary>\n");
        sb.Append("<p><a href=\"profile.yaml\" download=\"profile.yaml\">profile.yaml</a> (the exact profile of this run, beside this file) ");
        sb.Append("<button type=\"button\" id=\"profile-save\">save the copy embedded in this page</button></p>\n");
        sb.Append("<pre id=\"profile-text\"></pre>\n</details>\n</div>\n");
        sb.Append("<script type=\"application/json\" id=\"").Append(DataElementId).Append("\">").Append(ScriptSafeJson(ReportJsonWriter.ToJson(report))).Append("</script>\n");
        sb.Append("<script>\n").Append(Script.Value).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static string Write(RunReport report, string outDir) =>
        ReportFile.Write(Path.Combine(outDir, FileName), Render(report));

    /// <summary>
    /// Makes JSON text safe inside a script element. Outside strings JSON has none of these characters,
    /// so escaping them everywhere keeps the JSON identical in meaning: no "&lt;/script", no "&lt;!--",
    /// nothing for an HTML parser to act on.
    /// </summary>
    public static string ScriptSafeJson(string json)
    {
        var sb = new StringBuilder(json.Length + 256);
        foreach (char c in json)
        {
            switch (c)
            {
                case '<': sb.Append("\\u003c"); break;
                case '>': sb.Append("\\u003e"); break;
                case '&': sb.Append("\\u0026"); break;
                case '\u2028': sb.Append("\\u2028"); break;
                case '\u2029': sb.Append("\\u2029"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    static string Html(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Reads a stylesheet or script that ships inside this assembly and refuses one that could end its own element early.</summary>
    static string Asset(string name, string forbidden)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("EUeConformance.Reports.Html." + name)
            ?? throw new InvalidOperationException($"the report asset {name} is not embedded in {typeof(HtmlReportWriter).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, ReportFile.Utf8);
        string text = reader.ReadToEnd();
        if (text.Contains(forbidden, StringComparison.OrdinalIgnoreCase) || text.Contains("<!--", StringComparison.Ordinal))
            throw new InvalidOperationException($"the report asset {name} contains '{forbidden}' or '<!--' and would break index.html");
        return text;
    }
}
