namespace EUeConformance.Reports.Writers;

/// <summary>
/// Orders section numbers and requirement ids the way a reader of the specification expects:
/// runs of digits compare as numbers (6.2 before 6.10, EUE-PROV-9 before EUE-PROV-10), a shorter
/// prefix comes first (6.1 before 6.1.1), and digits come before letters, so numbered sections
/// come before the annexes (5 before A.1). The HTML report's script applies the same rule.
/// </summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;

        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            bool da = char.IsAsciiDigit(a[i]), db = char.IsAsciiDigit(b[j]);
            if (da && db)
            {
                int si = i, sj = j;
                while (i < a.Length && char.IsAsciiDigit(a[i])) i++;
                while (j < b.Length && char.IsAsciiDigit(b[j])) j++;
                // Compare by value without parsing, so a 40-digit run cannot overflow.
                var na = a.AsSpan(si, i - si).TrimStart('0');
                var nb = b.AsSpan(sj, j - sj).TrimStart('0');
                if (na.Length != nb.Length) return na.Length.CompareTo(nb.Length);
                int c = na.SequenceCompareTo(nb);
                if (c != 0) return Math.Sign(c);
            }
            else if (da != db) return da ? -1 : 1;
            else
            {
                int c = a[i].CompareTo(b[j]);
                if (c != 0) return Math.Sign(c);
                i++; j++;
            }
        }
        int rest = (a.Length - i).CompareTo(b.Length - j);
        // Equal by value ("6.01" and "6.1"): fall back to ordinal so the order stays total and stable.
        return rest != 0 ? rest : Math.Sign(string.CompareOrdinal(a, b));
    }
}
