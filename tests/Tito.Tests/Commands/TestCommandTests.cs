using Tito.Checks;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class TestCommandTests
{
    [Theory]
    [InlineData("test activations")]
    [InlineData("test 02")]
    [InlineData("test --module activations")]
    public void TestActivations_TellsTheStory_AndExitsZero(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(0, run.ExitCode);
        foreach (string unit in new[] { "ReLU", "Sigmoid", "Tanh", "GELU", "Softmax" })
        {
            Assert.Contains($"🔬 Unit Test: {unit}...", run.Out);
            Assert.Contains($"📈 Progress: {unit} ✓", run.Out);
        }

        foreach (string unit in new[] { "LogSoftmax", "Softmin", "Softmax2d" })
        {
            Assert.Contains($"📈 Progress: {unit} ✓", run.Out);
        }

        Assert.Contains("✅ Sigmoid(0) = 0.5 exactly", run.Out);
        Assert.Contains("✅ ReLU → Softmax on [[−1, 0, 1, 2]]", run.Out);
        Assert.Contains("✅ Outputs combine with + and *", run.Out);
        Assert.Contains("🎉 ALL TESTS PASSED!", run.Out);
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void TestTensor_RunsModule01()
    {
        TitoRun run = TitoRun.Of("test tensor");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("🧪 Module 01: Tensor", run.Out);
        Assert.Contains("✅ Broadcasting: (2, 3) + (3,)", run.Out);
        Assert.DoesNotContain("Unit Test: Sigmoid", run.Out);
    }

    [Fact]
    public void TestAll_RunsBothModules()
    {
        TitoRun run = TitoRun.Of("test --all");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("🧪 Module 01: Tensor", run.Out);
        Assert.Contains("🧪 Module 02: Activations", run.Out);
    }

    [Fact]
    public void BrokenSigmoid_IsReportedWithExpectedGotAndHint_AndExitsOne()
    {
        var broken = new ActivationRegistry { Sigmoid = () => new NaiveSigmoid() };
        TitoRun run = TitoRun.Of("test activations", broken);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("❌ Numerically stable with extreme values (±1000)", run.Out);
        Assert.Contains("got:      [0, NaN]", run.Out);
        Assert.Contains("unguarded exponential", run.Out);
        Assert.Contains("📈 Progress: Sigmoid ✗", run.Out);
        Assert.Contains("📈 Progress: ReLU ✓", run.Out);   // the other units still run and pass
        Assert.DoesNotContain("ALL TESTS PASSED", run.Out);
    }

    [Fact]
    public void StubbedActivation_IsReportedAsATodo()
    {
        var learner = new ActivationRegistry { Tanh = () => new StubbedTanh() };
        TitoRun run = TitoRun.Of("test 02", learner);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("❌ Tanh(0) = 0", run.Out);
        Assert.Contains("TODO stub", run.Out);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("test activations --all")]
    [InlineData("test activations --module tensor")]
    [InlineData("test layers")]
    public void AmbiguousOrUnknownModule_ExitsTwo(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tito: ", run.Error);
    }
}
