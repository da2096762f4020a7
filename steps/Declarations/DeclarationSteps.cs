using EUeConformance.Runner.Bindings;
using EUeConformance.Runner.Profile;

namespace EUeConformance.Steps.Declarations;

/// <summary>
/// Requirements no black-box test can see (a monolithic image, compliance with a whole other
/// specification, optional features) are answered by the vendor in the DUT profile: under 'ics:'
/// when the key is an ICS item, else under 'declarations:'. The evidence is the answer and the
/// vendor's statement, quoted with the profile line it came from.
/// </summary>
[Binding]
public sealed class DeclarationSteps(ScenarioContext scenario, DutProfile profile)
{
    /// <summary>A MUST or SHOULD stated by declaration: 'no' fails it.</summary>
    [Then(@"^the vendor declares ""([a-z0-9-]+)""$")]
    public void ThenTheVendorDeclares(string key)
    {
        var (answer, statement) = Answer(key);
        if (!answer)
            throw ScenarioContext.Fail($"the vendor declares that the device does not meet '{key}'",
                expected: "yes", seen: $"no ({statement})");
    }

    /// <summary>A MAY: either answer conforms; the verdict records which one the vendor gave.</summary>
    [Then(@"^the vendor states whether the device does ""([a-z0-9-]+)""$")]
    public void ThenTheVendorStatesWhether(string key) => Answer(key);

    (bool Answer, string Statement) Answer(string key)
    {
        string file = Path.GetFileName(profile.Path);
        if (IcsVocabulary.Find(key) is { Derived: null, Headend: false })
        {
            bool has = profile.Has(key);
            int line = profile.IcsLines.GetValueOrDefault(key);
            string statement = $"ICS answer '{key}: {(has ? "true" : "false")}'";
            scenario.AddEvidence("declaration", $"ICS item '{key}' ({file}:{line})", statement);
            return (has, statement);
        }
        if (!profile.Declarations.TryGetValue(key, out var answer))
            throw ScenarioContext.Inconclusive(
                $"the profile {profile.Path} does not answer declaration '{key}': add '{key}: {{ answer: yes|no, statement: \"...\" }}' under 'declarations:'");
        scenario.AddEvidence("declaration", $"Vendor declaration '{key}' ({file}:{answer.Line})",
            $"answer: {(answer.Answer ? "yes" : "no")}\nstatement: {answer.Statement}");
        return (answer.Answer, answer.Statement);
    }
}
