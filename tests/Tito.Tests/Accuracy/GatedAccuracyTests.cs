using Tito.Tests.Support;

namespace Tito.Tests.Accuracy;

public class GatedAccuracyTests
{
    [Fact]
    public void AccuracyCheck_WithAGatedName_ScansOnlyTheGatedUnitsItNames()
    {
        TitoRun run = TitoRun.Of("check accuracy --function geglu");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1,048,576 (a, b) pairs", run.Out);
        Assert.Contains("GeGLU (tanh form)", run.Out);
        Assert.Contains("GeGLU (exact erf)", run.Out);
        Assert.DoesNotContain("SwiGLU", run.Out);
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void AccuracyCheck_ScansTheGatedUnitsAfterTheElementwiseKernels()
    {
        TitoRun run = TitoRun.Of("check accuracy --stride 1000003");
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Out.IndexOf("Sigmoid", StringComparison.Ordinal) < run.Out.IndexOf("SwiGLU", StringComparison.Ordinal));
        foreach (string name in new[] { "GLU", "SwiGLU", "GeGLU (sigmoid form)", "ReGLU" })
        {
            Assert.Contains(name, run.Out);
        }
    }
}
