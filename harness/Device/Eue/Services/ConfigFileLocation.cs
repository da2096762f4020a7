using System.Net;

namespace EUeConformance.Device.Eue.Services;

public enum FileAccessMethod { Tftp, Http }

/// <summary>
/// Where the configuration file is: a URL of RFC 3617 (tftp://host/file) or RFC 2616 (http://host[:port]/path),
/// the host an FQDN, an IPv4 address or a bracketed IPv6 literal (eUE-19 notes 1-3, RFC 3986).
/// </summary>
public sealed record ConfigFileLocation(FileAccessMethod Method, string Host, IPAddress? Address, int Port, string Path, string Url)
{
    public bool NeedsDns => Address is null;

    public static ConfigFileLocation? TryParse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        FileAccessMethod method;
        if (uri.Scheme.Equals("tftp", StringComparison.OrdinalIgnoreCase)) method = FileAccessMethod.Tftp;
        else if (uri.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase)) method = FileAccessMethod.Http;
        else return null;
        string host = uri.DnsSafeHost;
        IPAddress? address = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 ? IPAddress.Parse(host) : null;
        int port = uri.IsDefaultPort || uri.Port < 0 ? (method == FileAccessMethod.Tftp ? 69 : 80) : uri.Port;
        string path = Uri.UnescapeDataString(uri.AbsolutePath);
        if (method == FileAccessMethod.Tftp) path = path.TrimStart('/');
        return new ConfigFileLocation(method, host, address, port, path, url);
    }

    /// <summary>The Basic flow's location, from DHCP's TFTP server and file name.</summary>
    public static ConfigFileLocation ForTftp(IPAddress server, string file) =>
        new(FileAccessMethod.Tftp, server.ToString(), server, 69, file.TrimStart('/'),
            $"tftp://{(server.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{server}]" : server.ToString())}/{file.TrimStart('/')}");
}
