using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static EUeConformance.Tests.Device.Interop.LabPlan;

namespace EUeConformance.Tests.Device.Interop;

/// <summary>
/// Why the lab's Kea configurations write CL_V4OPTION_CCCV6 (125/4491.123), CL_OPTION_CCC (2170) and CL_OPTION_CCCV6
/// (2171) as raw hex: defined the natural way, as containers encapsulating an option space of sub-options, Kea 2.2
/// sends them empty, because it fills containers only under the top-level dhcp4/dhcp6 spaces and these live inside
/// the vendor space "vendor-4491". Kept as a test so that a Kea that lifts the limit shows up here.
/// </summary>
[Collection("InteropCollection")]
public sealed class KeaVendorContainerLimitTests(ITestOutputHelper output)
{
    static string Config4(string dir) => $$"""
        { "Dhcp4": {
          "interfaces-config": { "interfaces": [ "eth0" ] },
          "lease-database": { "type": "memfile", "persist": false },
          "option-def": [
            { "name": "cl-v4-cccv6", "code": 123, "space": "vendor-4491", "type": "empty", "encapsulate": "cl-v4-cccv6" },
            { "name": "dss-id-primary", "code": 1, "space": "cl-v4-cccv6", "type": "string" }
          ],
          "option-data": [
            { "name": "vivso-suboptions", "data": "4491" },
            { "name": "cl-v4-cccv6", "space": "vendor-4491" },
            { "name": "dss-id-primary", "space": "cl-v4-cccv6", "data": "{{DssId}}" }
          ],
          "subnet4": [ { "id": 1, "subnet": "192.0.2.0/24", "interface": "eth0", "pools": [ { "pool": "192.0.2.100 - 192.0.2.150" } ] } ],
          "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
        } }
        """;

    static string Config6(string dir) => $$"""
        { "Dhcp6": {
          "interfaces-config": { "interfaces": [ "eth0" ] },
          "lease-database": { "type": "memfile", "persist": false },
          "server-id": { "type": "LL", "htype": 1, "identifier": "020000000001", "persist": false },
          "option-def": [
            { "name": "cl-option-ccc", "code": 2170, "space": "vendor-4491", "type": "empty", "encapsulate": "cl-ccc" },
            { "name": "ccc-primary-dhcpv4-server", "code": 1, "space": "cl-ccc", "type": "ipv4-address" },
            { "name": "cl-option-cccv6", "code": 2171, "space": "vendor-4491", "type": "empty", "encapsulate": "cl-cccv6" },
            { "name": "dss-id-primary", "code": 1, "space": "cl-cccv6", "type": "string" }
          ],
          "option-data": [
            { "name": "cl-option-ccc", "space": "vendor-4491" },
            { "name": "ccc-primary-dhcpv4-server", "space": "cl-ccc", "data": "{{ServerV4}}" },
            { "name": "cl-option-cccv6", "space": "vendor-4491" },
            { "name": "dss-id-primary", "space": "cl-cccv6", "data": "{{DssId}}" }
          ],
          "subnet6": [ { "id": 1, "subnet": "{{Prefix6}}/64", "interface": "eth0", "pools": [ { "pool": "2001:db8:1::100 - 2001:db8:1::1ff" } ] } ],
          "loggers": [ { "name": "kea-dhcp6", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
        } }
        """;

    [Fact]
    public async Task Kea_sends_a_container_defined_inside_the_vendor_4491_space_without_its_sub_options()
    {
        var bound = Basic2Boot.ServerStart;
        await using var lab = await DebianLab.StartAsync();
        var capture = await WireCapture.StartAsync(lab, bound);
        var kea4 = lab.Start("kea-dhcp4", DebianLab.Tool(KeaDhcp4.Program, "kea-dhcp4-server"), KeaDhcp4.KeaEnvironment(lab), "-c", lab.Write("kea-dhcp4.json", Config4(lab.Dir)));
        var kea6 = lab.Start("kea-dhcp6", DebianLab.Tool(KeaDhcp6.Program, "kea-dhcp6-server"), KeaDhcp4.KeaEnvironment(lab), "-c", lab.Write("kea-dhcp6.json", Config6(lab.Dir)));
        await kea4.WaitForOutputAsync("DHCP4_STARTED", bound);
        await kea6.WaitForOutputAsync("DHCP6_STARTED", bound);
        // The eCM's router discovery precedes its DHCPv6 (Table 3 CM1v6, as in DOCSIS).
        await Radvd.StartAsync(lab, bound);

        // A dual-stack eCM asks for CL_V4OPTION_CCCV6 in option 125 and for CL_OPTION_CCC/CCCV6 in CL_OPTION_ORO (Tables 2 and 3, CM1).
        await lab.AttachDeviceAsync(new ReferenceDeviceOptions { EcmProvisioning = EcmProvisioning.DualStack(IpAddressingMode.Ipv4) });
        await lab.Adapter!.PowerOnAsync();
        // The eCM's CM3v6 finds the ADVERTISE without the options it asked for: Kea's containers came empty.
        (await lab.WaitForDeviceAsync(_ => lab.Adapter.Log.Any(l => l.Machine == "ecm-dhcpv6" && l.Text.StartsWith("CM3v6: none of", StringComparison.Ordinal)), Basic2Boot.Boot))
            .Should().BeTrue(lab.DeviceLog());
        await capture.StopAsync();

        var offers = capture.Fields($"dhcp.option.dhcp == 2 && dhcp.hw.mac_addr == {KeaDhcp4.Mac(EcmMac)}", "dhcp.option.value");
        offers.Should().NotBeEmpty();
        output.WriteLine($"OFFER option values: {offers[0][0]}");
        offers[0][0].Split(',').Should().Contain("0000118b" + "02" + "7b00", "option 125: enterprise 4491 with CL_V4OPTION_CCCV6 (123) of length 0; the DSS_ID sub-option is missing");

        var advertises = capture.Fields("dhcpv6.msgtype == 2", "dhcpv6.cablelabs.opt", "dhcpv6.packetcable.ccc.pri_dhcp", "dhcpv6.packetcable.cccV6.pri_dss", "dhcpv6.option.type_str");
        advertises.Should().NotBeEmpty();
        output.WriteLine($"ADVERTISE: {string.Join(" | ", advertises[0])}");
        advertises[0][0].Split(',').Should().Contain(["2170", "2171"], "Kea does send both containers");
        (advertises[0][1] + advertises[0][2]).Should().BeEmpty("neither carries its sub-option 1 (the eUE's DHCPv4 server, the DSS_ID)");
        var lengths = capture.Fields("dhcpv6.msgtype == 2", "dhcpv6.option.type", "dhcpv6.option.length")[0];
        var vendorOptsLength = lengths[0].Split(',').Zip(lengths[1].Split(',')).Last(t => t.First == "17").Second;
        vendorOptsLength.Should().Be("12", "OPTION_VENDOR_OPTS = enterprise (4) + 2170 header (4) + 2171 header (4): both with length 0");
    }
}
