using EUeConformance.Protocols.Tls;
using EUeConformance.Protocols.Wire;

namespace EUeConformance.Headend.Servers.CertificateBootstrapping;

/// <summary>
/// Reads one direction of a TLS connection as a passive observer (as Wireshark would): records, and, up to that side's
/// ChangeCipherSpec, its plaintext handshake messages and alerts. What follows ChangeCipherSpec is encrypted and only counted.
/// </summary>
internal sealed class TlsRecordTap(Action<TlsHandshake, byte[]> onHandshake, Action<byte, byte, byte[]> onAlert, Action<string> onUndecodable)
{
    readonly List<byte> _bytes = [];
    readonly List<byte> _handshake = [];
    bool _broken;

    public bool Encrypted { get; private set; }
    public ushort? RecordVersion { get; private set; }

    public void Feed(ReadOnlySpan<byte> data)
    {
        if (_broken) return;
        _bytes.AddRange(data);
        while (true)
        {
            TlsRecord? record;
            int consumed;
            try { record = TlsRecord.TryDecode(_bytes.ToArray(), out consumed); }
            catch (ParseError e) { _broken = true; onUndecodable(e.Message); return; }
            if (record is null) return;
            var raw = _bytes.GetRange(0, consumed).ToArray();
            _bytes.RemoveRange(0, consumed);
            RecordVersion ??= record.Version;
            if (Encrypted) continue;
            switch (record.ContentType)
            {
                case TlsContentType.ChangeCipherSpec:
                    Encrypted = true;
                    break;
                case TlsContentType.Alert when record.Fragment.Length >= 2:
                    onAlert(record.Fragment.Span[0], record.Fragment.Span[1], raw);
                    break;
                case TlsContentType.Handshake:
                    _handshake.AddRange(record.Fragment.Span);
                    var messages = TlsHandshake.Split(_handshake.ToArray(), out int used);
                    _handshake.RemoveRange(0, used);
                    foreach (var m in messages) onHandshake(m, m.Encode());
                    break;
            }
        }
    }
}
