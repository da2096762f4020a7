using EUeConformance.Device.Options;
using EUeConformance.Protocols.Dhcp;
using EUeConformance.Protocols.Dhcp6;

namespace EUeConformance.Device.Eue.Ipv6;

/// <summary>
/// The eUE's DHCPv6 client messages (EUE-PROV Table 5 eUE-1, eUE-3; 6.3.5 ¶11), built with the codec's
/// <see cref="EueSolicit"/>. Overridable: a mutant drops an option, adds Rapid Commit, sends no FQDN on renewal.
/// </summary>
public class EueSolicitBuilder
{
    /// <summary>Table 5 eUE-1, 6.3.3: the eUE's DUID (OPTION_CLIENTID), from its own MAC, the one its RFC 4361 option 61 carries too.</summary>
    public virtual Duid ClientDuid(DeviceIdentity identity) => EueDuid.For(identity.EueMac);

    public virtual EueSolicitParameters Parameters(DeviceIdentity identity, EueCapabilities capabilities, Duid duid, uint transactionId, ushort elapsed) => new()
    {
        TransactionId = transactionId,
        ClientDuid = duid,
        Iaid = EueDuid.Iaid,
        ElapsedTime = elapsed,
        DeviceType = identity.DeviceType,
        DeviceSerialNumber = identity.SerialNumber,
        HardwareVersionNumber = identity.HardwareVersion,
        SoftwareVersionNumber = identity.SoftwareVersion,
        BootRomVersion = identity.BootRomVersion,
        VendorOui = identity.VendorOui,
        ModelNumber = identity.ModelNumber,
        VendorName = identity.VendorName,
        // 6.6.1 bullet 2: the capabilities go in CL_OPTION_MODEM_CAPABILITIES.
        ModemCapabilities = capabilities.ForClOption35(),
        // Table 5 eUE-1: CL_OPTION_DEVICE_ID is the eUE's own MAC.
        DeviceId = identity.EueMac.GetAddressBytes(),
    };

    // Table 5 eUE-1: the SOLICIT's option set; 6.3.4.3 ¶1: no Rapid Commit.
    public virtual Dhcp6Message Solicit(EueSolicitParameters p) => EueSolicit.Build(p);

    // Table 5 eUE-3: the REQUEST requests the same options as the SOLICIT.
    public virtual Dhcp6Message Request(EueSolicitParameters p, Duid server, IaNa? advertisedIa) => EueSolicit.BuildRequest(p, server, advertisedIa);

    // 6.3.5 ¶11: RENEW/REBIND carry the last known FQDN in OPTION_FQDN; RFC 3315 §18.1.3/4: with (RENEW) or without (REBIND) the server id.
    public virtual Dhcp6Message Renew(EueSolicitParameters p, Duid? server, IaNa? ia, ClientFqdn fqdn)
    {
        var template = EueSolicit.Build(p);
        var options = new List<Dhcp6Option>();
        foreach (var o in template.Options)
        {
            if (o.Code == Dhcp6OptionCode.IaNa && ia is not null) { options.Add(ia.ToOption()); continue; }
            if (o.Code == Dhcp6OptionCode.Fqdn) { options.Add(fqdn.ToOption()); continue; }
            options.Add(o);
            if (o.Code == Dhcp6OptionCode.ClientId && server is not null) options.Add(Dhcp6Options.ServerId(server));
        }
        return Dhcp6Message.Create(server is null ? Dhcp6MessageType.Rebind : Dhcp6MessageType.Renew, p.TransactionId, options);
    }
}
