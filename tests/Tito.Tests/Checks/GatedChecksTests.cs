using Tito.Checks;

namespace Tito.Tests.Checks;

public class GatedChecksTests
{
    [Fact]
    public void TheLibrary_GetsASuitePerGatedForm_AndEveryPropertyHolds()
    {
        IReadOnlyList<CheckSuite> suites = GatedChecks.Build(ActivationRegistry.Library);
        Assert.Equal(["GLU", "SwiGLU", "GeGLU (tanh form)", "GeGLU (sigmoid form)", "GeGLU (exact erf)", "ReGLU"], suites.Select(s => s.Name));
        foreach (CheckSuite suite in suites)
        {
            foreach (PropertyCheck property in suite.Properties)
            {
                Exception? e = Record.Exception(property.Run);
                Assert.True(e is null, $"{suite.Name}: {property.Description}: {e?.Message}");
            }
        }
    }

    [Fact]
    public void ALearnersRegistry_GetsNone_SinceItsCopyHasNoGatedUnits() =>
        Assert.Empty(GatedChecks.Build(new ActivationRegistry()));
}
