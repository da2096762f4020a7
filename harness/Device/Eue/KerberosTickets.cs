namespace EUeConformance.Device.Eue;

/// <summary>
/// The eUE's Kerberos tickets (provisioning server and call servers). The Secure flow that fills it comes
/// with the Kerberos issue; the ToD rule already acts on it: when the time changes, every ticket goes
/// (EUE-PROV 6.3.2.3 ¶10, per PKT-SEC1.5).
/// </summary>
public sealed class KerberosTickets
{
    readonly Dictionary<string, DateTimeOffset> _tickets = [];

    public int Count => _tickets.Count;
    public int Invalidations { get; private set; }

    public void Store(string service, DateTimeOffset expires) => _tickets[service] = expires;

    public void InvalidateAll()
    {
        _tickets.Clear();
        Invalidations++;
    }
}
