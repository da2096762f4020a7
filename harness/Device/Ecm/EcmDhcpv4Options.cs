using EUeConformance.Protocols.Dhcp4;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The options of the eCM's DISCOVER and REQUEST (EUE-PROV 6.3.1 Table 2 CM1, CM3): the DOCSIS ones
/// (a parameter request list with the ToD options, the vendor class) plus exactly the E-UE requests its
/// eUE calls for. Overridable: a mutant asks for more, less, or in the wrong place.
/// </summary>
public class EcmDhcpv4Options
{
    /// <summary>DOCSIS CM requests: subnet mask, time offset, router, time server, log server.</summary>
    public static readonly byte[] DocsisParameterRequests =
        [DhcpOptionCode.SubnetMask, DhcpOptionCode.TimeOffset, DhcpOptionCode.Router, DhcpOptionCode.TimeServer, DhcpOptionCode.LogServer];

    /// <summary>The options of one message type; by default the same in DISCOVER and REQUEST, as Table 2 CM3 asks.</summary>
    public virtual IReadOnlyList<DhcpOption> Build(EueOptionRequest requested, DhcpMessageType type) => Build(requested);

    public virtual IReadOnlyList<DhcpOption> Build(EueOptionRequest requested)
    {
        // Table 2 CM1: option 55 carries 122 if and only if the eUE supports IPv4.
        var options = new List<DhcpOption>
        {
            DhcpOption.ParameterRequestList([.. DocsisParameterRequests, .. requested.Dhcpv4ParameterRequestCodes()]),
            DhcpOption.FromString(DhcpOptionCode.VendorClassIdentifier, "docsis3.0:"),
        };
        // Table 2 CM1: option 125 with CL_V4OPTION_ORO (123, and 124 for dual stack) if and only if the eUE supports IPv6.
        var oro = requested.ClV4OptionOro();
        if (oro.Count > 0) options.Add(CableLabsV4Options.Create(oro: oro).ToOption());
        return options;
    }
}
