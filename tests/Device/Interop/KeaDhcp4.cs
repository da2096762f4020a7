using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// ISC Kea's DHCPv4 server (Debian kea-dhcp4-server) as the eCM's and the eUE's DHCPv4 server. The CableLabs
/// options are Kea option definitions, not raw bytes: option 122 (RFC 3495) is an empty container encapsulating
/// the space "ccc" (1-octet codes and lengths, as a DHCPv4 sub-option space is), with 122.1 an address, 122.3 a
/// record (type octet, then an FQDN Kea writes in DNS wire format), 122.6 the realm as an fqdn, 122.8 a uint8;
/// option 125 (RFC 3925) carries enterprise 4491's space "vendor-4491" (Kea's own DOCSIS space), extended with
/// CL_V4OPTION_IP_PREF (124, a uint8) and CL_V4OPTION_CCCV6 (123). The latter is the one Kea cannot build from
/// definitions: Kea 2.2 fills an encapsulating container with its sub-options only in the top-level dhcp4/dhcp6
/// spaces (CfgOption::encapsulate), so a container defined inside "vendor-4491" goes out empty (length 0, seen
/// on the wire); it is therefore a binary option whose DSS_ID sub-option 1 is raw hex. Client classes
/// tell the eCM ("docsis3.0:" in option 60) from the eUE ("pktc2.0:"); host reservations fix both addresses.
/// Kea sends 122 only when option 55 asks for it and 125's sub-options only when CL_V4OPTION_ORO does, which
/// is what EUE-PROV 6.3.1 Table 2 CM2 and 6.3.2 ¶1 expect of a server.
/// </summary>
public static class KeaDhcp4
{
    public const string Program = "/usr/sbin/kea-dhcp4";

    /// <param name="ipPreference">CL_V4OPTION_IP_PREF for the eCM (1 = IPv4, 2 = IPv6).</param>
    public static string Config(string dir, byte ipPreference) => $$"""
        { "Dhcp4": {
          "interfaces-config": { "interfaces": [ "eth0" ] },
          "lease-database": { "type": "memfile", "persist": true, "name": "{{dir}}/kea-leases4.csv", "lfc-interval": 0 },
          "valid-lifetime": 3600,
          "option-def": [
            { "name": "cablelabs-client-conf", "code": 122, "space": "dhcp4", "type": "empty", "encapsulate": "ccc" },
            { "name": "tsp-primary-dhcp-server", "code": 1, "space": "ccc", "type": "ipv4-address" },
            { "name": "tsp-provisioning-server", "code": 3, "space": "ccc", "type": "record", "record-types": "uint8, fqdn" },
            { "name": "tsp-kerberos-realm", "code": 6, "space": "ccc", "type": "fqdn" },
            { "name": "tsp-provisioning-timer", "code": 8, "space": "ccc", "type": "uint8" },
            { "name": "cl-v4-cccv6", "code": 123, "space": "vendor-4491", "type": "binary" },
            { "name": "cl-v4-ip-pref", "code": 124, "space": "vendor-4491", "type": "uint8" }
          ],
          "client-classes": [
            { "name": "ecm", "test": "substring(option[60].hex,0,10) == 'docsis3.0:'",
              "option-data": [
                { "name": "cablelabs-client-conf", "space": "dhcp4" },
                { "name": "tsp-primary-dhcp-server", "space": "ccc", "data": "{{ServerV4}}" },
                { "name": "time-servers", "data": "{{ServerV4}}" },
                { "name": "time-offset", "data": "{{TimeOffsetSeconds}}" },
                { "name": "vivso-suboptions", "space": "dhcp4", "data": "4491" },
                { "name": "cl-v4-cccv6", "space": "vendor-4491", "csv-format": false, "data": "{{Cccv6Hex}}" },
                { "name": "cl-v4-ip-pref", "space": "vendor-4491", "data": "{{ipPreference}}" }
              ] },
            { "name": "eue", "test": "substring(option[60].hex,0,8) == 'pktc2.0:'",
              "next-server": "{{ServerV4}}", "boot-file-name": "{{ConfigFileName}}",
              "option-data": [
                { "name": "cablelabs-client-conf", "space": "dhcp4" },
                { "name": "tsp-provisioning-server", "space": "ccc", "data": "0, {{ProvisioningServerFqdn}}" },
                { "name": "tsp-kerberos-realm", "space": "ccc", "data": "{{Realm}}" },
                { "name": "tsp-provisioning-timer", "space": "ccc", "data": "{{ProvisioningTimerMinutes}}" },
                { "name": "domain-name-servers", "data": "{{ServerV4}}" },
                { "name": "log-servers", "data": "{{ServerV4}}" },
                { "name": "domain-name", "data": "{{Domain}}" }
              ] }
          ],
          "subnet4": [ {
            "id": 1, "subnet": "192.0.2.0/24", "interface": "eth0",
            "pools": [ { "pool": "192.0.2.100 - 192.0.2.150" } ],
            "option-data": [
              { "name": "subnet-mask", "data": "255.255.255.0" },
              { "name": "routers", "data": "{{ServerV4}}" },
              { "name": "dhcp-server-identifier", "data": "{{ServerV4}}" }
            ],
            "reservations": [
              { "hw-address": "{{Mac(EcmMac)}}", "ip-address": "{{EcmV4}}" },
              { "hw-address": "{{Mac(EueMac)}}", "ip-address": "{{EueV4}}", "hostname": "{{EueHostName}}" }
            ] } ],
          "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "DEBUG", "debuglevel": 40 } ]
        } }
        """;

    /// <summary>CL_V4OPTION_CCCV6's content: sub-option 1 (primary DSS_ID), 1-octet code and length.</summary>
    public static string Cccv6Hex => CableLabsHex.Hex([CableLabsHex.Sub8(1, CableLabsHex.Ascii(DssId))]);

    public static string Mac(System.Net.NetworkInformation.PhysicalAddress mac) =>
        string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Starts kea-dhcp4 with the lab's configuration; its PID and lock files go to the lab's folder.</summary>
    public static async Task<LabDaemon> StartAsync(DebianLab lab, byte ipPreference, TimeSpan bound)
    {
        var program = DebianLab.Tool(Program, "kea-dhcp4-server");
        var config = lab.Write("kea-dhcp4.json", Config(lab.Dir, ipPreference));
        var kea = lab.Start("kea-dhcp4", program, KeaEnvironment(lab), "-c", config);
        await kea.WaitForOutputAsync("DHCP4_STARTED", bound);
        return kea;
    }

    /// <summary>Kea's PID file and lock file locations (KEA_PIDFILE_DIR, KEA_LOCKFILE_DIR): the lab's folder, not /run.</summary>
    public static IReadOnlyDictionary<string, string> KeaEnvironment(DebianLab lab) => new Dictionary<string, string>
    {
        ["KEA_PIDFILE_DIR"] = lab.Dir,
        ["KEA_LOCKFILE_DIR"] = lab.Dir,
        ["KEA_LOGGER_DESTINATION"] = "stdout",
    };
}
