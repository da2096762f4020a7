using System.Net;
using EUeConformance.Protocols.Dhcp;

namespace EUeConformance.Protocols.Dhcp6;

/// <summary>Builds options of the "dhcp6" space from typed values.</summary>
public static class Dhcp6Options
{
    /// <summary>OPTION_CLIENTID (RFC 3315 §22.2): the client's DUID is the whole data.</summary>
    public static Dhcp6Option ClientId(Duid duid) => new(Dhcp6OptionCode.ClientId, duid.Bytes);
    /// <summary>OPTION_SERVERID (RFC 3315 §22.3): the server's DUID is the whole data.</summary>
    public static Dhcp6Option ServerId(Duid duid) => new(Dhcp6OptionCode.ServerId, duid.Bytes);
    public static Dhcp6Option IaNa(IaNa ia) => ia.ToOption();

    /// <summary>OPTION_ORO (RFC 3315 §22.7): the option codes requested.</summary>
    public static Dhcp6Option Oro(params ReadOnlySpan<ushort> codes) => UInt16Array(Dhcp6OptionCode.Oro, codes);

    public static Dhcp6Option Preference(byte value) => new(Dhcp6OptionCode.Preference, new[] { value });

    /// <summary>OPTION_ELAPSED_TIME (RFC 3315 §22.9), in hundredths of a second.</summary>
    public static Dhcp6Option ElapsedTime(ushort hundredths) => new(Dhcp6OptionCode.ElapsedTime, new[] { (byte)(hundredths >> 8), (byte)hundredths });

    /// <summary>OPTION_RELAY_MSG (RFC 3315 §22.10) carrying <paramref name="message"/>.</summary>
    public static Dhcp6Option RelayMsg(Dhcp6Message message) => new(Dhcp6OptionCode.RelayMsg, message.Encode());

    /// <summary>OPTION_AUTH (RFC 3315 §22.11).</summary>
    public static Dhcp6Option Auth(byte protocol, byte algorithm, byte rdm, ulong replayDetection, ReadOnlySpan<byte> authenticationInformation)
    {
        var w = new Dhcp6OptionWriter();
        w.WriteUInt8(protocol);
        w.WriteUInt8(algorithm);
        w.WriteUInt8(rdm);
        w.WriteUInt64(replayDetection);
        w.WriteBytes(authenticationInformation);
        return new Dhcp6Option(Dhcp6OptionCode.Auth, w.ToArray());
    }

    public static Dhcp6Option Unicast(IPAddress server) => Addresses(Dhcp6OptionCode.Unicast, [server]);
    public static Dhcp6Option StatusCode(Dhcp6Status code, string message = "") => new StatusCode(code, message).ToOption();
    public static Dhcp6Option RapidCommit() => new(Dhcp6OptionCode.RapidCommit, ReadOnlyMemory<byte>.Empty);
    public static Dhcp6Option VendorClass(VendorClass vendorClass) => vendorClass.ToOption();
    public static Dhcp6Option VendorOpts(uint enterpriseNumber, params IEnumerable<Dhcp6Option> options) => new VendorOptions(enterpriseNumber, [.. options]).ToOption();
    public static Dhcp6Option InterfaceId(ReadOnlySpan<byte> id) => new(Dhcp6OptionCode.InterfaceId, id.ToArray());

    /// <summary>OPTION_RECONF_MSG (RFC 3315 §22.19): the message the client is to send (RENEW or INFORMATION-REQUEST).</summary>
    public static Dhcp6Option ReconfMsg(Dhcp6MessageType type) => new(Dhcp6OptionCode.ReconfMsg, new[] { (byte)type });
    public static Dhcp6Option ReconfAccept() => new(Dhcp6OptionCode.ReconfAccept, ReadOnlyMemory<byte>.Empty);
    public static Dhcp6Option DnsServers(params IEnumerable<IPAddress> servers) => Addresses(Dhcp6OptionCode.DnsServers, servers);

    /// <summary>OPTION_DOMAIN_LIST (RFC 3646 §4): fully qualified names.</summary>
    public static Dhcp6Option DomainList(params IEnumerable<string> names)
    {
        var w = new Dhcp6OptionWriter();
        foreach (var n in names) w.WriteDomainName(n);
        return new Dhcp6Option(Dhcp6OptionCode.DomainList, w.ToArray());
    }

    public static Dhcp6Option Fqdn(FqdnFlags flags, string domainName = "", bool fullyQualified = true) => new ClientFqdn(flags, domainName, fullyQualified && domainName.Length > 0).ToOption();

    internal static Dhcp6Option UInt16Array(ushort code, ReadOnlySpan<ushort> values)
    {
        var data = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) { data[2 * i] = (byte)(values[i] >> 8); data[2 * i + 1] = (byte)values[i]; }
        return new Dhcp6Option(code, data);
    }

    internal static Dhcp6Option Addresses(ushort code, IEnumerable<IPAddress> addresses)
    {
        var w = new Dhcp6OptionWriter();
        foreach (var a in addresses)
        {
            if (a.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) throw new ArgumentException($"option {code} carries IPv6 addresses, not {a}");
            w.WriteAddress(a);
        }
        return new Dhcp6Option(code, w.ToArray());
    }
}

/// <summary>Builds CableLabs options of the "vendor-4491" space (to go inside OPTION_VENDOR_OPTS 4491).</summary>
public static class ClOptions
{
    static Dhcp6Option Text(ushort code, string value) => new(code, System.Text.Encoding.Latin1.GetBytes(value));

    public static Dhcp6Option Oro(params ReadOnlySpan<ushort> codes) => Dhcp6Options.UInt16Array(ClOptionCode.Oro, codes);
    public static Dhcp6Option DeviceType(string value) => Text(ClOptionCode.DeviceType, value);
    public static Dhcp6Option EmbeddedComponentList(string value) => Text(ClOptionCode.EmbeddedComponentList, value);
    public static Dhcp6Option DeviceSerialNumber(string value) => Text(ClOptionCode.DeviceSerialNumber, value);
    public static Dhcp6Option HardwareVersionNumber(string value) => Text(ClOptionCode.HardwareVersionNumber, value);
    public static Dhcp6Option SoftwareVersionNumber(string value) => Text(ClOptionCode.SoftwareVersionNumber, value);
    public static Dhcp6Option BootRomVersion(string value) => Text(ClOptionCode.BootRomVersion, value);
    /// <summary>CL_OPTION_VENDOR_OUI: 3 binary octets (or 6 hex characters, which CL-CANN also allows).</summary>
    public static Dhcp6Option VendorOui(ReadOnlySpan<byte> oui) => new(ClOptionCode.VendorOui, oui.ToArray());
    public static Dhcp6Option ModelNumber(string value) => Text(ClOptionCode.ModelNumber, value);
    public static Dhcp6Option VendorName(string value) => Text(ClOptionCode.VendorName, value);
    public static Dhcp6Option TftpServers(params IEnumerable<IPAddress> servers) => Dhcp6Options.Addresses(ClOptionCode.TftpServers, servers);
    public static Dhcp6Option ConfigFileName(string value) => Text(ClOptionCode.ConfigFileName, value);
    public static Dhcp6Option SyslogServers(params IEnumerable<IPAddress> servers) => Dhcp6Options.Addresses(ClOptionCode.SyslogServers, servers);
    public static Dhcp6Option ModemCapabilities(ModemCapabilities capabilities) => capabilities.ToOption();
    /// <summary>CL_OPTION_DEVICE_ID: the eUE MAC address (EUE-PROV Table 5).</summary>
    public static Dhcp6Option DeviceId(ReadOnlySpan<byte> mac) => new(ClOptionCode.DeviceId, mac.ToArray());
    public static Dhcp6Option Rfc868Servers(params IEnumerable<IPAddress> servers) => Dhcp6Options.Addresses(ClOptionCode.Rfc868Servers, servers);
    public static Dhcp6Option TimeOffset(int seconds) => new(ClOptionCode.TimeOffset, new[] { (byte)(seconds >> 24), (byte)(seconds >> 16), (byte)(seconds >> 8), (byte)seconds });
    /// <summary>CL_OPTION_IP_PREF: 1 = IPv4, 2 = IPv6 (EUE-PROV 6.4.1.6).</summary>
    public static Dhcp6Option IpPref(byte preference) => new(ClOptionCode.IpPref, new[] { preference });
    public static Dhcp6Option Ccc(ClOptionCcc ccc) => ccc.ToOption();
    public static Dhcp6Option Cccv6(ClOptionCccv6 cccv6) => cccv6.ToOption();
}
