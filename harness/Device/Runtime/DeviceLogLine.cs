using System.Globalization;
using System.Text;

namespace EUeConformance.Device.Runtime;

/// <summary>
/// A device log entry as one text line, so that a device running as its own process (the 'process' adapter)
/// hands its log to the suite over standard output: <c>@dlog</c>, time (ISO 8601), machine, kind, text and the
/// fields as key=value, tab-separated, with tabs, newlines and backslashes escaped. Any other line a program
/// prints becomes an entry of machine "process".
/// </summary>
public static class DeviceLogLine
{
    const string Marker = "@dlog";

    public static string Format(DeviceLogEntry e)
    {
        var sb = new StringBuilder(Marker);
        sb.Append('\t').Append(e.At.ToString("O", CultureInfo.InvariantCulture));
        sb.Append('\t').Append(Escape(e.Machine)).Append('\t').Append(Escape(e.Kind)).Append('\t').Append(Escape(e.Text));
        foreach (var (k, v) in e.Fields) sb.Append('\t').Append(Escape(k)).Append('=').Append(Escape(v));
        return sb.ToString();
    }

    public static DeviceLogEntry Parse(string line, DateTimeOffset now)
    {
        var parts = line.Split('\t');
        if (parts.Length < 5 || parts[0] != Marker || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            return new DeviceLogEntry(now, "process", "output", line, new Dictionary<string, string>());
        var fields = new Dictionary<string, string>();
        foreach (var kv in parts.Skip(5))
        {
            int eq = kv.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) fields[Unescape(kv[..eq])] = Unescape(kv[(eq + 1)..]);
        }
        return new DeviceLogEntry(at, Unescape(parts[2]), Unescape(parts[3]), Unescape(parts[4]), fields);
    }

    static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("=", "\\e", StringComparison.Ordinal);

    static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
            char c = s[++i];
            sb.Append(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'e' => '=', _ => c });
        }
        return sb.ToString();
    }
}
