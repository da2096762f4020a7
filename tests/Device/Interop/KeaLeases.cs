namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// The leases Kea recorded, read from its memfile (a CSV whose first line names the columns: address, hwaddr
/// or duid, hostname, state…). Kea escapes commas inside values, so a plain split is exact.
/// </summary>
public static class KeaLeases
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        var lines = LabDaemon.ReadShared(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return [];
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => l.Split(','))
            .Select(cells => (IReadOnlyDictionary<string, string>)header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : ""))
                .ToDictionary(c => c.name, c => c.value))];
    }
}
