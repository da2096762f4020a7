using System.Net;
using System.Net.NetworkInformation;
using EUeConformance.Device;
using EUeConformance.Device.Ecm;
using EUeConformance.Device.Options;
using EUeConformance.Network.Fabric;
using EUeConformance.Tests.Device.Support;
using FluentAssertions;
using Xunit;

namespace EUeConformance.Tests.Device.Adapters;

/// <summary>The 'external' adapter's three ways of bringing a bench device back to a fresh boot.</summary>
public sealed class ExternalAdapterTests
{
    static readonly PhysicalAddress EcmMac = new DeviceIdentity().EcmMac, EueMac = new DeviceIdentity().EueMac;

    [Fact]
    public async Task The_snmp_method_SETs_docsDevResetNow_on_the_eCM_and_the_device_boots_again()
    {
        // The "bench": the reference device provisioned on a simulated link; the adapter reaches its eCM from the headend's host.
        await using var bench = await DeviceBench.StartAsync(new ReferenceDeviceOptions { EcmProvisioning = EcmProvisioning.Ipv4 }, h => h.EueDssId = null);
        await bench.PowerOnAsync();
        (await bench.RunUntilEueAsync(EUeConformance.Device.Eue.EueState.Provisioned, TimeSpan.FromMinutes(5))).Should().BeTrue();
        int discovers = bench.Headend.EcmDiscovers.Count;

        var external = new ExternalDutAdapter(new ExternalDutOptions("snmp", EcmMac, EueMac) { EcmAddress = ScriptedHeadend.EcmV4, Community = "private" });
        await external.AttachAsync(bench.Fabric, bench.Link, bench.Evidence);
        external.UseOperatorHost(bench.Headend.Host);
        await external.PowerOnAsync();

        (await bench.RunUntilAsync(() => bench.Headend.EcmDiscovers.Count > discovers, TimeSpan.FromMinutes(1))).Should().BeTrue("docsDevResetNow restarts the eCM at CM1");
        external.Log.Select(l => l.Text).Should().Contain(t => t.Contains("docsDevResetNow: acknowledged"));
    }

    [Fact]
    public async Task The_snmp_method_with_a_wrong_community_fails_saying_which_setting_to_fix()
    {
        await using var bench = await DeviceBench.StartAsync(new ReferenceDeviceOptions { EcmProvisioning = EcmProvisioning.Ipv4 }, h => h.EueDssId = null);
        await bench.PowerOnAsync();
        await bench.RunUntilEueAsync(EUeConformance.Device.Eue.EueState.Provisioned, TimeSpan.FromMinutes(5));

        var external = new ExternalDutAdapter(new ExternalDutOptions("snmp", EcmMac, EueMac) { EcmAddress = ScriptedHeadend.EcmV4, Community = "public" });
        await external.AttachAsync(bench.Fabric, bench.Link, bench.Evidence);
        external.UseOperatorHost(bench.Headend.Host);

        var act = () => external.PowerOnAsync();
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*refused*ixit.reset.community*");
    }

    [Fact]
    public async Task The_command_method_runs_the_command_with_the_action_and_fails_on_a_nonzero_exit()
    {
        string dir = EUeConformance.Tests.Support.Repo.TempDir(), record = Path.Combine(dir, "actions.txt");
        var ok = new ExternalDutAdapter(new ExternalDutOptions("command", EcmMac, EueMac) { Command = $"echo {{action}} $EUE_ACTION >> {record}" });
        await ok.PowerOnAsync();
        await ok.PowerOffAsync();
        (await File.ReadAllLinesAsync(record)).Should().Equal("cycle cycle", "off off");

        var failing = new ExternalDutAdapter(new ExternalDutOptions("command", EcmMac, EueMac) { Command = "echo outlet unreachable >&2; exit 3" });
        var act = () => failing.PowerOnAsync();
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*exited with 3*outlet unreachable*");
    }

    [Fact]
    public async Task The_prompt_method_asks_the_operator_and_waits_for_the_answer()
    {
        var said = new StringWriter();
        var adapter = new ExternalDutAdapter(new ExternalDutOptions("prompt", EcmMac, EueMac) { OperatorInput = new StringReader("done\n"), OperatorOutput = said });
        await adapter.PowerOnAsync();
        said.ToString().Should().Contain("Power-cycle the E-UE now");
        adapter.Log.Select(l => l.Text).Should().Contain("operator confirmed: \"done\"");
    }

    [Fact]
    public async Task The_prompt_method_without_an_operator_says_to_use_another_method()
    {
        var adapter = new ExternalDutAdapter(new ExternalDutOptions("prompt", EcmMac, EueMac));
        var act = () => adapter.PowerOnAsync();
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*needs an operator*snmp or command*");
    }

    [Fact]
    public async Task A_bench_fixed_to_one_eCM_mode_refuses_the_others()
    {
        var adapter = new ExternalDutAdapter(new ExternalDutOptions("prompt", EcmMac, EueMac) { BenchEcmProvisioning = EcmProvisioning.Ipv6 });
        (await adapter.SetEcmProvisioningAsync(EcmProvisioning.Ipv6)).Should().BeTrue();
        (await adapter.SetEcmProvisioningAsync(EcmProvisioning.Ipv4)).Should().BeFalse();
    }
}
