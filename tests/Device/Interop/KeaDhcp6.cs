using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// ISC Kea's DHCPv6 server (Debian kea-dhcp6-server) as the eCM's and the eUE's DHCPv6 server. OPTION_VENDOR_OPTS
/// (17) with enterprise 4491 is Kea's "vendor-4491" space, whose DOCSIS options Kea knows already (1 ORO, 32 TFTP
/// servers, 33 config file, 34 syslog servers); CL_OPTION_IP_PREF (39) is added as a uint8. CL_OPTION_CCC (2170)
/// and CL_OPTION_CCCV6 (2171) are containers of sub-options inside that vendor space, which Kea 2.2 cannot build
/// from definitions (it encapsulates only below the top-level dhcp4/dhcp6 spaces: such a container is sent empty),
/// so they are binary options with raw hex: CCC's sub-option 1 (the eUE's primary DHCPv4 server), CCCV6's 1
/// (primary DSS_ID), 3 (provisioning SNMP entity: type 0 and the FQDN in DNS wire format), 6 (the realm in DNS wire
/// format) and 8 (provisioning timer), each with a 2-octet code and length. Kea answers vendor options only when the client's CL_OPTION_ORO
/// asks for them (EUE-PROV Table 3 CM1v6, Table 5 eUE-1). Classes tell the eCM (CL_OPTION_DEVICE_TYPE "ECM") from
/// the eUE ("EDVA"); reservations by DUID fix both addresses.
/// </summary>
public static class KeaDhcp6
{
    public const string Program = "/usr/sbin/kea-dhcp6";

    public static string Config(string dir, byte ipPreference) => $$"""
        { "Dhcp6": {
          "interfaces-config": { "interfaces": [ "eth0" ] },
          "lease-database": { "type": "memfile", "persist": true, "name": "{{dir}}/kea-leases6.csv", "lfc-interval": 0 },
          "server-id": { "type": "LL", "htype": 1, "identifier": "{{KeaDhcp4.Mac(HeadendMac).Replace(":", "")}}", "persist": false },
          "preferred-lifetime": 3000, "valid-lifetime": 3600,
          "option-def": [
            { "name": "cl-option-ccc", "code": 2170, "space": "vendor-4491", "type": "binary" },
            { "name": "cl-option-cccv6", "code": 2171, "space": "vendor-4491", "type": "binary" },
            { "name": "cl-option-ip-pref", "code": 39, "space": "vendor-4491", "type": "uint8" }
          ],
          "client-classes": [
            { "name": "ecm", "test": "vendor[4491].option[2].hex == 'ECM'",
              "option-data": [
                { "name": "cl-option-ccc", "space": "vendor-4491", "csv-format": false, "data": "{{CccHex}}" },
                { "name": "cl-option-cccv6", "space": "vendor-4491", "csv-format": false, "data": "{{EcmCccv6Hex}}" },
                { "name": "cl-option-ip-pref", "space": "vendor-4491", "data": "{{ipPreference}}" },
                { "name": "time-servers", "space": "vendor-4491", "data": "{{ServerV6}}" },
                { "name": "time-offset", "space": "vendor-4491", "data": "{{TimeOffsetSeconds}}" }
              ] },
            { "name": "eue", "test": "vendor[4491].option[2].hex == 'EDVA'",
              "option-data": [
                { "name": "cl-option-cccv6", "space": "vendor-4491", "csv-format": false, "data": "{{EueCccv6Hex}}" },
                { "name": "tftp-servers", "space": "vendor-4491", "data": "{{ServerV6}}" },
                { "name": "config-file", "space": "vendor-4491", "data": "{{ConfigFileName}}" },
                { "name": "syslog-servers", "space": "vendor-4491", "data": "{{ServerV6}}" }
              ] }
          ],
          "subnet6": [ {
            "id": 1, "subnet": "{{Prefix6}}/64", "interface": "eth0",
            "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ],
            "option-data": [ { "name": "dns-servers", "data": "{{ServerV6}}" } ],
            "reservations": [
              { "duid": "{{DuidLl(EcmMac)}}", "ip-addresses": [ "{{EcmV6}}" ] },
              { "duid": "{{DuidLl(EueMac)}}", "ip-addresses": [ "{{EueV6}}" ], "hostname": "{{EueFqdn}}" }
            ] } ],
          "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ], "severity": "DEBUG", "debuglevel": 40 } ]
        } }
        """;

    /// <summary>CL_OPTION_CCC for the eCM: sub-option 1, the eUE's primary DHCPv4 server.</summary>
    public static string CccHex => CableLabsHex.Hex([CableLabsHex.Sub16(1, CableLabsHex.Address(ServerV4))]);

    /// <summary>CL_OPTION_CCCV6 for the eCM: sub-option 1, the primary DSS_ID.</summary>
    public static string EcmCccv6Hex => CableLabsHex.Hex([CableLabsHex.Sub16(1, CableLabsHex.Ascii(DssId))]);

    /// <summary>
    /// CL_OPTION_CCCV6 for the eUE (Table 5 eUE-2/eUE-3): 1 the responding server's DSS_ID, 3 the provisioning SNMP
    /// entity (type 0 = FQDN, DNS wire format), 6 the realm (DNS wire format), 8 the provisioning timer.
    /// </summary>
    public static string EueCccv6Hex => CableLabsHex.Hex(
    [
        CableLabsHex.Sub16(1, CableLabsHex.Ascii(DssId)),
        CableLabsHex.Sub16(3, [0, .. CableLabsHex.DnsName(ProvisioningServerFqdn)]),
        CableLabsHex.Sub16(6, CableLabsHex.DnsName(Realm)),
        CableLabsHex.Sub16(8, [ProvisioningTimerMinutes]),
    ]);

    /// <summary>DUID-LL (RFC 3315 §9.4, type 3, hardware type 1) of a MAC: both the eCM's and the eUE's DUIDs have this form.</summary>
    public static string DuidLl(System.Net.NetworkInformation.PhysicalAddress mac) => "00:03:00:01:" + KeaDhcp4.Mac(mac);

    public static async Task<LabDaemon> StartAsync(DebianLab lab, byte ipPreference, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "kea-dhcp6-server");
        var config = lab.Write("kea-dhcp6.json", Config(lab.Dir, ipPreference));
        var kea = lab.Start("kea-dhcp6", program, KeaDhcp4.KeaEnvironment(lab), "-c", config);
        await kea.WaitForOutputAsync("DHCP6_STARTED", bound);
        return kea;
    }
}
