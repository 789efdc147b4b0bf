using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;
using TorchSharp;

namespace TorchSharpPeer;

/// <summary>The sizes and thread counts every side-by-side comparison runs, and the inputs they share.</summary>
public abstract class PeerBenchmark
{
    /// <summary>4 096 to 16M elements (only those in PEER_SIZES, comma-separated, when it is set).</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable("PEER_SIZES") is { Length: > 0 } only
        ? only.Split(',').Select(int.Parse)
        : [4_096, 262_144, 4_194_304, 16_777_216];

    [ParamsSource(nameof(Sizes))]
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
