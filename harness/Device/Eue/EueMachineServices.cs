using EUeConformance.Device.Eue.Flows;
using EUeConformance.Device.Eue.Mib;
using EUeConformance.Device.Eue.Services;

namespace EUeConformance.Device.Eue;

/// <summary>The eUE's protocol clients and stores, shared by its flows.</summary>
public sealed class EueMachineServices(DnsResolver dns, TftpDownloader tftp, HttpDownloader http, EueMib mib, ManagementEventSender events,
    IEueManagementInterface management, KerberosTickets tickets)
{
    public DnsResolver Dns { get; } = dns;
    public TftpDownloader Tftp { get; } = tftp;
    public HttpDownloader Http { get; } = http;
    public EueMib Mib { get; } = mib;
    public ManagementEventSender Events { get; } = events;
    public IEueManagementInterface Management { get; } = management;
    public KerberosTickets Tickets { get; } = tickets;
}
