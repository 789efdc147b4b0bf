using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The thread-count parameter every kernel benchmark shares: 1 (single-threaded) and the processor count
/// (the default of <see cref="KernelOptions.MaxDegreeOfParallelism"/>). Baselines are split over the same
/// number of threads by <see cref="Split"/>, so each row compares like with like.
/// </summary>
public abstract class ThreadedBenchmark
{
    /// <summary>The thread counts measured.</summary>
    public static IEnumerable<int> ThreadCounts => new[] { 1, Environment.ProcessorCount }.Distinct();

    /// <summary>The thread count of this case.</summary>
    [ParamsSource(nameof(ThreadCounts))]
    public int Threads { get; set; }

    /// <summary>Makes the kernels use <see cref="Threads"/>; each derived setup calls it first.</summary>
    protected void ApplyThreads() => KernelOptions.MaxDegreeOfParallelism = Threads;

    /// <summary>Deterministic inputs spread over [−lo, hi): both signs, the range the activations care about.</summary>
    /// <param name="length">How many values.</param>
    /// <param name="spread">Half the width of the range.</param>
    /// <returns>The values.</returns>
    protected static float[] RandomInputs(long length, float spread = 8f)
    {
        var random = new Random(20_240_402);
        float[] values = GC.AllocateUninitializedArray<float>(checked((int)length));
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * spread;
        }

        return values;
    }
}
