using TinyTorch.Kernels;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Bench_PrintsTheCostTable_AndTheMemoryArithmetic()
    {
        int threadsBefore = KernelOptions.MaxDegreeOfParallelism;
        TitoRun run = TitoRun.Of("bench --size 8192 --repeats 1 --threads 1");

        Assert.Equal(0, run.ExitCode);
        foreach (string name in new[] { "memory copy (bandwidth limit)", "ReLU", "Sigmoid", "Tanh", "GELU (exact erf)", "Softmax (rows)" })
        {
            Assert.Contains(name, run.Out);
        }

        Assert.Contains("3–4×", run.Out);    // TinyTorch's quote beside the measurement
        Assert.Contains("1.0×", run.Out);    // ReLU relative to itself
        Assert.Contains("[8/8]", run.Out);   // progress reached the end
        Assert.Contains("batch 32 × 4,096 features × 4 bytes = 524,288 bytes = 512 KB per layer", run.Out);
        Assert.Equal(threadsBefore, KernelOptions.MaxDegreeOfParallelism);   // --threads is restored after the run
    }

    [Fact]
    public void MemoryArithmetic_FollowsBatchAndFeatures()
    {
        TitoRun run = TitoRun.Of("bench --size 1024 --repeats 1 --batch 64 --features 1024");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("batch 64 × 1,024 features × 4 bytes = 262,144 bytes = 256 KB per layer", run.Out);
    }

    [Theory]
    [InlineData("bench --threads 0")]
    [InlineData("bench --size -5")]
    [InlineData("bench --features 0")]
    public void BadNumbers_ExitTwo(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must be at least 1", run.Error);
    }
}
