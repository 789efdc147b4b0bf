using Tito.Checks;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class CheckCommandTests
{
    [Fact]
    public void Stability_OfTheLibrary_IsAllGreen()
    {
        TitoRun run = TitoRun.Of("check stability");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("-Infinity", run.Out);
        Assert.Contains("-103.97", run.Out);
        Assert.Contains("all −∞ → NaN", run.Out);
        Assert.DoesNotContain("❌", run.Out);
        Assert.Contains("Every activation is stable", run.Out);
    }

    [Fact]
    public void Stability_CatchesAnUnguardedExponential_AndExitsOne()
    {
        var broken = new ActivationRegistry { Sigmoid = () => new NaiveSigmoid() };
        TitoRun run = TitoRun.Of("check stability", broken);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("❌ Sigmoid(1000) = NaN, expected 1", run.Out);
        Assert.Contains("❌ Sigmoid(Infinity) = NaN, expected 1", run.Out);
    }

    [Fact]
    public void Accuracy_WithALargeStride_ReportsEveryKernelWithinItsBound()
    {
        TitoRun run = TitoRun.Of("check accuracy --stride 1000003");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4,295 inputs", run.Out);
        foreach (string name in new[] { "ReLU", "Sigmoid", "Tanh", "GELU (sigmoid form)", "GELU (tanh form)", "GELU (exact erf)" })
        {
            Assert.Contains(name, run.Out);
        }

        Assert.Contains("exact everywhere", run.Out);   // ReLU
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void Accuracy_WithAFunction_ScansOnlyTheKernelsItNames()
    {
        TitoRun run = TitoRun.Of("check accuracy --stride 1000003 --function gelu");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GELU (exact erf)", run.Out);
        Assert.DoesNotContain("Sigmoid ", run.Out);
        Assert.DoesNotContain("ReLU", run.Out);
    }

    [Fact]
    public void Accuracy_WithAnUnknownFunction_ExitsTwoAndListsTheNames()
    {
        TitoRun run = TitoRun.Of("check accuracy --function nosuchfunction");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No kernel's name contains 'nosuchfunction'", run.Error);
        Assert.Contains("GELU (tanh form)", run.Error);
    }

    [Fact]
    public void Accuracy_Backward_ScansTheBackwardKernelsAtGOne_WithinFour()
    {
        TitoRun run = TitoRun.Of("check accuracy --backward --stride 65537");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Backward kernels at g = 1 vs the exact derivative: 65,536 inputs", run.Out);
        foreach (string name in new[] { "Sigmoid", "Mish", "LogSigmoid", "Tanhshrink", "SquaredReLU" })
        {
            Assert.Contains(name, run.Out);
        }

        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void Accuracy_Backward_WithAnUnknownFunction_ExitsTwoAndListsTheNames()
    {
        TitoRun run = TitoRun.Of("check accuracy --backward --function nosuchfunction");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No backward kernel's name contains 'nosuchfunction'", run.Error);
        Assert.Contains("Mish", run.Error);
    }

    [Fact]
    public void Accuracy_ZeroStride_ExitsTwo()
    {
        TitoRun run = TitoRun.Of("check accuracy --stride 0");
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("check accuracy --exhaustive --stride 7")]
    [InlineData("check accuracy --stride 4099 --exhaustive")]   // the default's value, given explicitly, is still a choice
    public void Accuracy_ExhaustiveWithAStride_IsAUserError_NotASilentOverride(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--exhaustive scans every float32 input and --stride", run.Error);
        Assert.Contains("give one or the other", run.Error);
        Assert.Equal("", run.Out);   // nothing was scanned
    }

    [Fact]
    public void Stability_HasATablePerFormAlongADim()
    {
        TitoRun run = TitoRun.Of("check stability");
        foreach (string name in new[] { "Softmax", "LogSoftmax", "Softmin", "Softmax2d" })
        {
            Assert.Contains($"{name} slices at extreme inputs", run.Out);
        }

        Assert.Contains("(along dim -3)", run.Out);
    }

    [Fact]
    public void Accuracy_ScansTheFormsAlongADim_OverRandomSlices()
    {
        TitoRun run = TitoRun.Of("check accuracy --function logsoftmax");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kernels along a dim vs the double reference", run.Out);
        Assert.Contains("LogSoftmax", run.Out);
        Assert.DoesNotContain("Forward kernels vs the double reference", run.Out);   // no element-wise kernel is named so
        Assert.DoesNotContain("❌", run.Out);
    }
}
