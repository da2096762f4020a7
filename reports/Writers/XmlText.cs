using System.Text;
using System.Xml;

namespace EUeConformance.Reports.Writers;

/// <summary>Makes any string safe to put in an XML document.</summary>
internal static class XmlText
{
    /// <summary>
    /// XML 1.0 cannot carry most control characters or a lone surrogate, even escaped, and a DUT's
    /// bytes quoted in a reason may contain them: such a character would make junit.xml unwritable or
    /// unparsable. Each is replaced by a visible \uXXXX so the evidence is still legible.
    /// </summary>
    public static string Clean(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb?.Append(c).Append(s[i + 1]);
                i++;
            }
            else if (XmlConvert.IsXmlChar(c)) sb?.Append(c);
            else
            {
                sb ??= new StringBuilder(s.Length + 16).Append(s, 0, i);
                sb.Append($"\\u{(int)c:X4}");
            }
        }
        return sb?.ToString() ?? s;
    }
}
