using EUeConformance.Runner.Bindings;
using EUeConformance.Steps.Bed;

namespace EUeConformance.Steps.Dut;

/// <summary>Starting the DUT: power on (or reset) with the operator's network already answering.</summary>
[Binding]
public sealed class PowerSteps(Lab lab)
{
    [When(@"^the E-UE is powered on$")]
    public Task WhenPoweredOn() => lab.PowerOnAsync();
}
