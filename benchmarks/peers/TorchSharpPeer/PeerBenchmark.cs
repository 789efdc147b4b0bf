using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;
using TorchSharp;

namespace TorchSharpPeer;

/// <summary>The sizes and thread counts every side-by-side comparison runs, and the inputs they share.</summary>
public abstract class PeerBenchmark
{
    [Params(4_096, 262_144, 4_194_304, 16_777_216)]
    public int N { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Both libraries use <see cref="Threads"/>.</summary>
    protected void ApplyThreads()
    {
        KernelOptions.MaxDegreeOfParallelism = Threads;
        torch.set_num_threads(Threads);
    }

    /// <summary>N deterministic values in [−spread, spread): both signs, where the curves bend.</summary>
    protected float[] Inputs(float spread = 8, int seed = 20_240_402)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, N).Select(_ => (float)(((random.NextDouble() * 2) - 1) * spread))];
    }
}
