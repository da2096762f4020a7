namespace EUeConformance.Network.Evidence;

/// <summary>Where servers and device roles publish what they exchange; the sequence number and time are assigned on publication.</summary>
public interface IEvidenceSink
{
    EvidenceEvent Publish(EvidenceDraft draft);
}

/// <summary>An event before it has a sequence number and a time.</summary>
public sealed record EvidenceDraft(
    string Service,
    Direction Direction,
    System.Net.IPEndPoint Local,
    System.Net.IPEndPoint Peer,
    string Protocol,
    string Kind,
    IReadOnlyDictionary<string, string> Fields,
    object? Message,
    string? Error,
    ReadOnlyMemory<byte> Raw);
