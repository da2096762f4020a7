using System.Globalization;
using System.Net;
using EUeConformance.Headend.Overrides;
using EUeConformance.Protocols.Time;

namespace EUeConformance.Headend.Servers.Time;

/// <summary>
/// The eCM's Time of Day server (EUE-PROV 6.2.8.2; RFC 868): the fabric clock's time as seconds since
/// 1900. <see cref="Skew"/> serves a time that far off (a ToD change, 6.3.2.3), and overrides can silence it
/// (the Secure flow without ToD: 6.3.2.3's retry rule) or set the "time" field to any 32-bit value.
/// </summary>
public sealed class TodResponder(TimeProvider clock, OverrideSet? overrides = null)
{
    readonly ReplyComposer<TimeProtocolMessage> _composer = new(overrides ??= new OverrideSet(), Edit);

    public OverrideSet Overrides { get; } = overrides;

    /// <summary>Added to the clock's time in every answer.</summary>
    public TimeSpan Skew { get; set; }

    public Decision<TimeProtocolMessage> Decide(IPEndPoint from, IReadOnlyList<string>? notes = null) =>
        _composer.Compose("REQUEST", null, _ =>
            [new ReplyDraft<TimeProtocolMessage>("TIME", null, _ => TimeProtocolMessage.FromDateTimeOffset(clock.GetUtcNow() + Skew), from, _ => null)],
            notes: notes);

    static TimeProtocolMessage Edit(TimeProtocolMessage m, IReadOnlyList<Override> edits)
    {
        foreach (var f in edits.OfType<SetField>())
            m = f.Field == "time" ? new TimeProtocolMessage(uint.Parse(f.Value, CultureInfo.InvariantCulture))
                : throw new ArgumentException($"'{f.Field}' is not a time protocol field (time)");
        return m;
    }
}
