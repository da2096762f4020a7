using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Dut;

/// <summary>Starting the DUT: power on (or reset) with the operator's network already answering.</summary>
[Binding]
public sealed class PowerSteps(Lab lab)
{
    [When(@"^the E-UE is powered on$")]
    public Task WhenPoweredOn() => lab.PowerOnAsync();

    /// <summary>The scenario-context key of the evidence cursor taken just before the last reset (what came after it is the new boot's).</summary>
    public const string ResetCursor = "reset.cursor";

    /// <summary>A reset of the whole E-UE (the eCM reinitialises, and with it the eUE): the reference device resets itself; a bench uses its IXIT reset.</summary>
    [When(@"^the E-UE is reset$")]
    public async Task WhenReset()
    {
        var network = await lab.StartAsync();
        lab.Scenario[ResetCursor] = network.Evidence.Cursor;
        await network.Dut.ResetAsync(Device.DutResetKind.Reset, lab.Scenario.Cancellation);
    }
}
