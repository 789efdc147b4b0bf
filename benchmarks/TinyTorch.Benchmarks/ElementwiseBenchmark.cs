using BenchmarkDotNet.Attributes;

namespace TinyTorch.Benchmarks;

/// <summary>
/// The sizes of issue 4 §6 — 16 KiB (L1), 1 MiB (L2), 16 MiB (L3) and 64 MiB (memory) of float32 — and
/// an input, an output and a scratch buffer of that size.
/// </summary>
public abstract class ElementwiseBenchmark : ThreadedBenchmark
{
    /// <summary>Elements per invocation.</summary>
    [Params(4_096, 262_144, 4_194_304, 16_777_216)]
    public int N { get; set; }

    /// <summary>The input.</summary>
    protected float[] X { get; private set; } = [];

    /// <summary>The output (out of place).</summary>
    protected float[] Y { get; private set; } = [];

    /// <summary>A second input (the gradient, for backward) that in-place benchmarks also overwrite.</summary>
    protected float[] Z { get; private set; } = [];

    /// <summary>Allocates and fills the buffers, and applies the thread count.</summary>
    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        X = RandomInputs(N);
        Y = new float[N];
        Z = RandomInputs(N, 1f);
        AfterSetup();
    }

    /// <summary>Builds the delegates of the baselines (once, so invoking them allocates nothing).</summary>
    protected abstract void AfterSetup();
}
