using System.Collections;

namespace EUeConformance.Protocols.Snmp.Usm;

/// <summary>
/// The usmUserTable as an immutable collection indexed like the MIB's (usmUserEngineID, usmUserName).
/// <see cref="With"/> returns a new table; a row with the same index replaces the old one.
/// </summary>
public sealed class UsmUserTable : IReadOnlyCollection<UsmUser>
{
    readonly Dictionary<string, UsmUser> _rows;

    public UsmUserTable() : this(Array.Empty<UsmUser>()) { }

    public UsmUserTable(IEnumerable<UsmUser> users)
    {
        _rows = new Dictionary<string, UsmUser>(StringComparer.Ordinal);
        foreach (var u in users) _rows[Key(u.EngineId, u.UserName)] = u;
    }

    UsmUserTable(Dictionary<string, UsmUser> rows) => _rows = rows;

    public static UsmUserTable Empty { get; } = new();

    public int Count => _rows.Count;

    public UsmUserTable With(UsmUser user)
    {
        var rows = new Dictionary<string, UsmUser>(_rows, StringComparer.Ordinal) { [Key(user.EngineId, user.UserName)] = user };
        return new UsmUserTable(rows);
    }

    /// <summary>RFC 3414 §3.2 step 4: the row for msgAuthoritativeEngineID and msgUserName, or null (unknownSecurityName).</summary>
    public UsmUser? Find(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName) =>
        _rows.TryGetValue(Key(engineId, userName), out var u) ? u : null;

    static string Key(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName) => $"{Convert.ToHexString(engineId)}/{Convert.ToHexString(userName)}";

    public IEnumerator<UsmUser> GetEnumerator() => _rows.Values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
