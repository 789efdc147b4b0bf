using TinyTorch.Kernels;
using Tito.Bench;
using Tito.Commands;
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
        int steps = KernelBenchmark.Functions.Count + 1;
        Assert.Contains($"[{steps}/{steps}]", run.Out);   // progress reached the end: the copy and every catalog kernel
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

    [Theory]
    [InlineData("1")]
    [InlineData("1023")]
    public void SizesTooSmallToTime_AreRefused_WithoutInfinityOrNaN(string size)
    {
        TitoRun run = TitoRun.Of(["bench", "--size", size, "--repeats", "1"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--size must be at least 1,024", run.Error);
        Assert.DoesNotContain("Infinity", run.Out + run.Error);
        Assert.DoesNotContain("NaN", run.Out + run.Error);
        Assert.DoesNotContain("∞", run.Out + run.Error);
    }

    [Fact]
    public void AFigureThatIsNotANumber_PrintsAsADash()
    {
        var untimed = new BenchResult("ReLU", "", 0, 1024);
        Assert.Equal("—", BenchCommand.F(untimed.NanosecondsPerElement, "0.000"));
        Assert.Equal("—", BenchCommand.F(untimed.GigabytesPerSecond, "0.0"));
        Assert.Equal("—", BenchCommand.F(untimed.SpeedRelativeTo(untimed), "0.0"));
        Assert.Equal("2.5", BenchCommand.F(2.5, "0.0"));
    }

    /// <summary>Runs bench in an environment with <paramref name="memory"/> in place of the process's own.</summary>
    private static TitoRun WithMemory(string[] args, BenchMemory memory) =>
        TitoRun.With(args, (output, error) => new TitoEnvironment
        {
            Out = ConsoleFactory.Create(output, plain: true),
            Output = output,
            Error = error,
            BenchMemory = memory,
        });

    [Fact]
    public void TheLargestSize_IsRefusedBeforeAllocating_WhenTheMachineCannotHoldIt()
    {
        var small = new BenchMemory
        {
            AvailableBytes = () => 8L << 30,
            Allocate = _ => throw new InvalidOperationException("bench allocated although the buffers could not fit"),
        };
        TitoRun run = WithMemory(["bench", "--size", int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "--repeats", "1"], small);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("needs 16 GiB (17,179,836,416 bytes: two buffers of 2,147,479,552 floats)", line);
        Assert.Contains("of the 8 GiB this machine has; use a smaller --size, at most 536,870,912 here", line);
    }

    [Fact]
    public void RunningOutOfMemory_NamesWhatItTriedToAllocate_AndSuggestsASmallerSize()
    {
        var failing = new BenchMemory { AvailableBytes = () => long.MaxValue, Allocate = _ => throw new OutOfMemoryException() };
        TitoRun run = WithMemory(["bench", "--size", "1048576", "--repeats", "1"], failing);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tito: ran out of memory allocating 8 MiB (8,388,608 bytes: two buffers of 1,048,576 floats)", line);
        Assert.Contains("use a smaller --size", line);
    }

    [Fact]
    public void MemoryArithmetic_AtTheLargestBatchAndFeatures_DoesNotWrapNegative()
    {
        TitoRun run = TitoRun.Of("bench --size 1024 --repeats 1 --batch 2147483647 --features 2147483647");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("= 18,446,744,056,529,682,436 bytes = ", run.Out);   // (2^31 − 1)² × 4
        Assert.DoesNotContain("= -", run.Out);
    }
}
