using TinyTorch.Catalog;
using TinyTorch.Core;
using Tito.Checks;
using Tito.Tests.Support;

namespace Tito.Tests.Checks;

public class AlongDimChecksTests
{
    [Fact]
    public void TheLibrary_HasASuitePerFormAlongADim_AndHoldsEveryProperty()
    {
        IReadOnlyList<CheckSuite> suites = AlongDimChecks.Build(ActivationRegistry.Library);
        Assert.Equal(ActivationCatalog.AlongDim.SelectMany(a => a.Variants).Select(v => v.Label), suites.Select(s => s.Name));
        foreach (CheckSuite suite in suites)
        {
            Assert.True(suite.Properties.Count >= 6, suite.Name);
            foreach (PropertyCheck property in suite.Properties)
            {
                Exception? e = Record.Exception(property.Run);
                Assert.True(e is null, $"{suite.Name}: {property.Description}: {e?.Message}");
            }
        }
    }

    [Fact]
    public void LogOfSoftmaxInTwoSteps_FailsTheReferenceCheck()
    {
        var twoStep = new ActivationRegistry
        {
            Family = v => v.Key == "logsoftmax" ? new TwoStepLogSoftmax() : v.Create(),
            AlongDimWithDim = (v, dim) => v.Key == "logsoftmax" ? new TwoStepLogSoftmax(dim) : v.AlongDim!.WithDim!(dim),
        };
        CheckSuite suite = AlongDimChecks.Build(twoStep).Single(s => s.Name == "LogSoftmax");
        Exception? e = Record.Exception(suite.Properties[0].Run);
        CheckFailedException failed = Assert.IsType<CheckFailedException>(e);
        Assert.Contains("ULP over dim", failed.Actual);
    }

    [Fact]
    public void OnlyTheFormsARegistryGrades_GetSuites() =>
        Assert.Equal(["LogSoftmax"], AlongDimChecks.Build(new ActivationRegistry { GradesAlongDim = v => v.Key == "logsoftmax" }).Select(s => s.Name));

    [Fact]
    public void SliceShape_LaysTheSlicesAlongTheFormsDim()
    {
        Assert.Equal(new[] { 3, 5 }, ActivationCatalog.LogSoftmax.Variants[0].AlongDim!.SliceShape(3, 5));
        Assert.Equal(new[] { 3, 5, 1, 1 }, ActivationCatalog.Softmax2d.Variants[0].AlongDim!.SliceShape(3, 5));
        Tensor y = ActivationCatalog.Softmax2d.Variants[0].Create().Forward(new Tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3, 1, 1]));
        Assert.Equal(1.0, y[0, 0, 0, 0] + (double)y[0, 1, 0, 0] + y[0, 2, 0, 0], 6);
    }
}
