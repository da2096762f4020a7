using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Ecm;

/// <summary>
/// The options of the eCM's SOLICIT and REQUEST (EUE-PROV 6.3.1 Table 3 CM1v6, CM3v6): the DOCSIS ones
/// (DNS, the CableLabs options for the config file and ToD) plus, in CL_OPTION_ORO, exactly the E-UE
/// requests its eUE calls for. Overridable for mutants.
/// </summary>
public class EcmDhcpv6Options
{
    /// <summary>DOCSIS CM CableLabs requests: TFTP servers, config file, syslog servers, RFC 868 servers, time offset.</summary>
    public static readonly ushort[] DocsisClOptionRequests =
        [ClOptionCode.TftpServers, ClOptionCode.ConfigFileName, ClOptionCode.SyslogServers, ClOptionCode.Rfc868Servers, ClOptionCode.TimeOffset];

    public virtual IReadOnlyList<Dhcp6Option> Build(EueOptionRequest requested, Duid clientDuid, byte[] ecmMac, IaNa ia, ushort elapsed, Duid? server)
    {
        var options = new List<Dhcp6Option> { Dhcp6Options.ClientId(clientDuid) };
        if (server is not null) options.Add(Dhcp6Options.ServerId(server));
        options.Add(ia.ToOption());
        options.Add(Dhcp6Options.ElapsedTime(elapsed));
        options.Add(Dhcp6Options.Oro(Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.VendorOpts));
        // Table 3 CM1v6: CL_OPTION_ORO holds CL_OPTION_CCC / CCCV6 / IP_PREF exactly as the eUE's modes call for.
        options.Add(Dhcp6Options.VendorOpts(CableLabs.EnterpriseNumber,
            ClOptions.Oro([.. DocsisClOptionRequests, .. requested.ClOptionOro()]),
            ClOptions.DeviceType("ECM"),
            ClOptions.DeviceId(ecmMac)));
        return options;
    }
}
