using EUeConformance.Headend.Servers.CertificateBootstrapping;
using EUeConformance.Network.Evidence;
using EUeConformance.Protocols.Tls;

namespace EUeConformance.Steps.CertificateBootstrapping;

/// <summary>
/// The Certificate Bootstrapping Server's evidence (service "cb"): what the eUE sent it (the TCP connection, its plaintext
/// handshake messages, alerts, the HTTP request decrypted by the server) and what the server answered.
/// </summary>
public static class CertificateBootstrappingWire
{
    public const string Service = CertificateBootstrappingResponder.Service;

    public static bool From(EvidenceEvent e, string kind) => e.Service == Service && e.Direction == Direction.Received && e.Kind == kind;
    public static bool To(EvidenceEvent e, string kind) => e.Service == Service && e.Direction == Direction.Sent && e.Kind == kind;

    public static bool IsConnect(EvidenceEvent e) => From(e, "Connect");
    public static bool IsClientHello(EvidenceEvent e) => From(e, "ClientHello");
    public static bool IsHandshakeComplete(EvidenceEvent e) => From(e, "HandshakeComplete");
    public static bool IsClosed(EvidenceEvent e) => From(e, "Closed");
    public static bool IsHttpRequest(EvidenceEvent e) => e.Service == Service && e.Direction == Direction.Received && e.Protocol == TlsRecord.Protocol
        && e.Message is Protocols.Http.HttpRequest;
    public static bool IsUndecodable(EvidenceEvent e) => From(e, "undecodable");

    /// <summary>The client's handshake messages that carry it on past the server's hello (its Certificate, ClientKeyExchange, CertificateVerify).</summary>
    public static bool IsClientGoingOn(EvidenceEvent e) => From(e, "Certificate") || From(e, "ClientKeyExchange") || From(e, "CertificateVerify");

    public static TlsClientHello Hello(EvidenceEvent e) => e.Message as TlsClientHello
        ?? throw new InvalidOperationException($"evidence #{e.Sequence} is not a decoded ClientHello");

    public static string Field(EvidenceEvent e, string name) => e.Fields.TryGetValue(name, out var v) ? v : "";

    /// <summary>Cipher suite names as the scenarios write them (Wireshark's names).</summary>
    public readonly struct Names
    {
        public static int Code(string name)
        {
            return CipherSuites.Code(name) ?? throw new ArgumentException($"'{name}' is not a cipher suite name this suite knows (harness/Protocols/Tls/CipherSuites.cs)");
        }
    }
}
