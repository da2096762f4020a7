using System.Net;

namespace EUeConformance.Headend.Overrides;

/// <summary>
/// A reply before the overrides: its kind, the identity it would speak as, and how to build it for
/// any identity (so <see cref="AnswerAs"/> can make a second server answer), with its destination and source.
/// </summary>
public sealed record ReplyDraft<T>(string Kind, string? Identity, Func<string?, T> Build, IPEndPoint Destination, Func<string?, IPAddress?> Source);
