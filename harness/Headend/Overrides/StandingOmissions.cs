namespace EUeConformance.Headend.Overrides;

/// <summary>The database's per-device "leave these options out", as overrides that apply to every reply to that device.</summary>
public static class StandingOmissions
{
    public static IReadOnlyList<Override> From(IEnumerable<string> paths) =>
        [.. paths.Select(p => new OmitOption(MessageSelector.Sent(), OptionPath.Parse(p)))];
}
