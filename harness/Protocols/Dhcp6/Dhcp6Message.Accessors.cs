using System.Net;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dns;

namespace EUeConformance.Protocols.Dhcp6;

// Typed reading of the options the E-UE flows use. Each returns the first instance of the option
// (null or false when absent); every option was checked when the message was decoded.
public sealed partial class Dhcp6Message
{
    /// <summary>The first option with <paramref name="code"/>, or null.</summary>
    public Dhcp6Option? Find(ushort code)
    {
        // As Dhcp6Option.FindIn, but over the array itself: every typed read starts here, and an
        // IReadOnlyList enumerator would allocate on this path (Dhcp6BenchmarkTests' typed read).
        foreach (var o in _options)
            if (o.Code == code) return o;
        return null;
    }

    /// <summary>Every option with <paramref name="code"/>, in order.</summary>
    public IReadOnlyList<Dhcp6Option> FindAll(ushort code)
    {
        var list = new List<Dhcp6Option>();
        foreach (var o in _options)
            if (o.Code == code) list.Add(o);
        return list;
    }

    public bool Has(ushort code) => Find(code) is not null;

    public Duid? ClientId => Find(Dhcp6OptionCode.ClientId) is { } o ? ReadDuid(o) : null;
    public Duid? ServerId => Find(Dhcp6OptionCode.ServerId) is { } o ? ReadDuid(o) : null;

    static Duid ReadDuid(Dhcp6Option o)
    {
        Dhcp6OptionSpaces.Dhcp6.Validate(o);
        return Duid.FromValidated(o.Span);
    }

    /// <summary>The first OPTION_IA_NA.</summary>
    public IaNa? IaNa => Find(Dhcp6OptionCode.IaNa) is { } o ? Dhcp6.IaNa.FromOption(o) : null;

    /// <summary>Every OPTION_IA_NA, in order.</summary>
    public IReadOnlyList<IaNa> IaNas
    {
        get
        {
            var list = new List<IaNa>();
            foreach (var o in _options)
                if (o.Code == Dhcp6OptionCode.IaNa) list.Add(Dhcp6.IaNa.FromOption(o));
            return list;
        }
    }

    /// <summary>OPTION_ORO: the options requested.</summary>
    public IReadOnlyList<ushort>? OptionRequest => Find(Dhcp6OptionCode.Oro)?.ReadUInt16Array("dhcpv6.requested_option_code");
    public byte? Preference => Find(Dhcp6OptionCode.Preference)?.ReadUInt8("dhcpv6.option_preference");
    /// <summary>OPTION_ELAPSED_TIME in hundredths of a second.</summary>
    public ushort? ElapsedTime => Find(Dhcp6OptionCode.ElapsedTime)?.ReadUInt16("dhcpv6.elapsed_time");
    public StatusCode? Status => Find(Dhcp6OptionCode.StatusCode) is { } o ? Dhcp6.StatusCode.FromOption(o) : null;
    /// <summary>EUE-PROV Table 5: Rapid Commit MUST NOT be used by the eUE; this says whether it was.</summary>
    public bool RapidCommit => Has(Dhcp6OptionCode.RapidCommit);
    public bool ReconfigureAccept => Has(Dhcp6OptionCode.ReconfAccept);
    public VendorClass? VendorClass => Find(Dhcp6OptionCode.VendorClass) is { } o ? Dhcp6.VendorClass.FromOption(o) : null;

    /// <summary>The first OPTION_VENDOR_OPTS of <paramref name="enterpriseNumber"/>.</summary>
    public VendorOptions? VendorOptions(uint enterpriseNumber)
    {
        foreach (var o in _options)
            if (o.Code == Dhcp6OptionCode.VendorOpts && o.Length >= 4 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(o.Span) == enterpriseNumber)
                return Dhcp6.VendorOptions.FromOption(o);
        return null;
    }

    /// <summary>The CableLabs options: OPTION_VENDOR_OPTS with enterprise 4491.</summary>
    public CableLabsOptions? CableLabs => VendorOptions(Dhcp.CableLabs.EnterpriseNumber)?.CableLabs;

    public IReadOnlyList<IPAddress>? DnsServers => Find(Dhcp6OptionCode.DnsServers)?.ReadIpv6Addresses("dhcpv6.dns_server");

    /// <summary>OPTION_DOMAIN_LIST (RFC 3646): the search list.</summary>
    public IReadOnlyList<string>? DomainList
    {
        get
        {
            if (Find(Dhcp6OptionCode.DomainList) is not { } o) return null;
            Dhcp6OptionSpaces.Dhcp6.Validate(o);
            var list = new List<string>();
            var s = o.Span;
            for (int pos = 0; pos < s.Length;)
            {
                int used = DnsLabels.Validate(s[pos..], o.DataOffset + pos, OptionValidator.Protocol, "dhcpv6.search_list_entry", allowPartial: false, out _);
                list.Add(DnsLabels.ToText(s.Slice(pos, used)));
                pos += used;
            }
            return list;
        }
    }

    public ClientFqdn? ClientFqdn => Find(Dhcp6OptionCode.Fqdn) is { } o ? Dhcp6.ClientFqdn.FromOption(o) : null;

    /// <summary>OPTION_RECONF_MSG: the message type a RECONFIGURE asks for.</summary>
    public Dhcp6MessageType? ReconfigureMessage => Find(Dhcp6OptionCode.ReconfMsg) is { } o ? (Dhcp6MessageType)o.ReadUInt8("dhcpv6.reconf_msg") : null;

    /// <summary>OPTION_INTERFACE_ID of a relay message.</summary>
    public ReadOnlyMemory<byte>? InterfaceId => Find(Dhcp6OptionCode.InterfaceId)?.Data;

    /// <summary>The message inside OPTION_RELAY_MSG, decoded; its offsets stay those of the outer datagram.</summary>
    public Dhcp6Message? RelayedMessage
    {
        get
        {
            if (Find(Dhcp6OptionCode.RelayMsg) is not { } o) return null;
            if (o.CheckedIn is null) Validate(o.Span, o.DataOffset, 1);
            return Read(o.Data, o.DataOffset);
        }
    }
}
