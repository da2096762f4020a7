using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Network.Evidence;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// Applies an <see cref="OverrideSet"/> to a server's drafts, the same way for every protocol:
/// a received-side <see cref="Drop"/> ignores the request; every other override matched on the
/// request or on a reply applies to that reply: <see cref="AnswerAs"/> rebuilds it as another
/// identity, the protocol's editor applies <see cref="OmitOption"/>, <see cref="SetOption"/> and
/// <see cref="SetField"/> (after the database's own omissions), then a sent-side <see cref="Drop"/>
/// removes it, <see cref="FromLinkLocal"/> changes its source, <see cref="Delay"/>s add up and
/// <see cref="Duplicate"/>s add copies.
/// </summary>
public sealed class ReplyComposer<T>(OverrideSet overrides, Func<T, IReadOnlyList<Override>, T> edit)
{
    /// <summary>Decides on the replies to one request of <paramref name="requestKind"/>.</summary>
    /// <param name="drafts">Called only when the request is not ignored; may add notes (why nothing is sent).</param>
    /// <param name="linkLocal">The server's link-local address, for <see cref="FromLinkLocal"/>.</param>
    /// <param name="standing">Edits from the database that always apply (per-device omitted options).</param>
    public Decision<T> Compose(string requestKind, PhysicalAddress? client, Func<List<string>, IReadOnlyList<ReplyDraft<T>>> drafts,
        IPAddress? linkLocal = null, IReadOnlyList<Override>? standing = null, IEnumerable<string>? notes = null, object? request = null)
    {
        var log = new List<string>(notes ?? []);
        var onRequest = overrides.Match(Direction.Received, requestKind, client, message: request);
        if (onRequest.OfType<Drop>().FirstOrDefault() is { } ignored)
        {
            log.Add($"{requestKind} ignored by override ({ignored.When})");
            return new Decision<T>([], log);
        }
        var replies = new List<PlannedReply<T>>();
        foreach (var draft in drafts(log))
        {
            var onReply = overrides.Match(Direction.Sent, draft.Kind, client, draft.Identity);
            var all = onRequest.Concat(onReply).ToList();
            string? identity = draft.Identity;
            if (all.OfType<AnswerAs>().LastOrDefault() is { } answerAs)
            {
                identity = answerAs.Identity;
                log.Add($"{draft.Kind} built as server '{identity}' instead of '{draft.Identity}'");
            }
            var message = draft.Build(identity);
            var edits = (standing ?? []).Concat(all.Where(o => o is OmitOption or SetOption or SetField)).ToList();
            if (edits.Count > 0)
            {
                message = edit(message, edits);
                foreach (var e in all.Where(o => o is OmitOption or SetOption or SetField)) log.Add($"{draft.Kind}: {Describe(e)}");
            }
            if (all.OfType<Drop>().FirstOrDefault() is { } dropped)
            {
                log.Add($"{draft.Kind} not sent: dropped by override ({dropped.When})");
                continue;
            }
            var source = draft.Source(identity);
            if (all.OfType<FromLinkLocal>().Any())
            {
                source = linkLocal ?? throw new InvalidOperationException("a link-local source was asked for, but the server has no IPv6 link-local address");
                log.Add($"{draft.Kind} sent from link-local {linkLocal}");
            }
            var delay = all.OfType<Delay>().Aggregate(TimeSpan.Zero, (d, o) => d + o.By);
            if (delay > TimeSpan.Zero) log.Add($"{draft.Kind} delayed by {delay.TotalSeconds:0.###} s");
            int copies = 1 + all.OfType<Duplicate>().Sum(o => o.Copies);
            if (copies > 1) log.Add($"{draft.Kind} sent {copies} times");
            for (int i = 0; i < copies; i++)
                replies.Add(new PlannedReply<T>(message, draft.Kind, draft.Destination, source, delay, identity));
        }
        return new Decision<T>(replies, log);
    }

    static string Describe(Override o) => o switch
    {
        OmitOption x => $"option {x.Path} omitted",
        SetOption x => $"option {x.Path} set to {Convert.ToHexString(x.Value)}",
        SetField x => $"field {x.Field} set to {x.Value}",
        _ => o.ToString(),
    };
}
