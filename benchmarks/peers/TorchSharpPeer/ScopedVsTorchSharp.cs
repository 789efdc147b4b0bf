using BenchmarkDotNet.Attributes;
using TinyTorch.Catalog;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Issue 13's forward target: our module's <c>Forward(x)</c> inside a dispose scope opened and disposed around every
/// call (the output's storage goes back to the pool), against TorchSharp's allocating call with its result disposed
/// each time, and our span kernel into a preallocated output, for the five course activations. GELU runs in both of
/// PyTorch's forms; Softmax over rows of 1 024 (the last dim).
/// </summary>
[MemoryDiagnoser]
public class ScopedVsTorchSharp : PeerBenchmark
{
    /// <summary>The five, by catalog key (only those in PEER_KEYS when it is set).</summary>
    public static IEnumerable<string> Keys => new[] { "relu", "sigmoid", "tanh", "gelu-exact", "gelu-tanh", "softmax" }
        .Where(k => Environment.GetEnvironmentVariable("PEER_KEYS") is not { Length: > 0 } only || only.Split(',').Contains(k));

    [ParamsSource(nameof(Keys))]
    public string Activation { get; set; } = "";

    private Action<float[], float[]> _span = null!;
    private Func<Tensor, Tensor> _torch = null!;
    private TinyTorch.Core.IActivation _module = null!;
    private TinyTorch.Core.Tensor _ours = null!;
    private float[] _x = [], _y = [];
    private Tensor _t = null!;

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _x = Inputs();
        _y = new float[N];
        (_span, _torch, _module) = Pair(Activation);
        _ours = new TinyTorch.Core.Tensor(_x, [N / 1024, 1024]);
        _t = torch.tensor(_x).reshape(N / 1024, 1024);
    }

    [GlobalCleanup]
    public void Cleanup() => _t.Dispose();

    [Benchmark(Baseline = true)]
    public void TorchSharp()
    {
        using Tensor y = _torch(_t);
    }

    /// <summary>Our module's Forward(x) in a scope: the output is disposed with it.</summary>
    [Benchmark]
    public void OursScoped()
    {
        using TinyTorch.Core.DisposeScope scope = TinyTorch.Core.Tensor.NewDisposeScope();
        _module.Forward(_ours);
    }

    /// <summary>Our span kernel into a preallocated output.</summary>
    [Benchmark]
    public void OursSpan() => _span(_x, _y);

    /// <summary>The span kernel, TorchSharp's call and a fresh module for one of the five keys.</summary>
    internal static (Action<float[], float[]> Span, Func<Tensor, Tensor> Torch, TinyTorch.Core.IActivation Module) Pair(string key)
    {
        if (key == "softmax")
        {
            return ((x, y) => ActivationKernels.Softmax(x, y, 1024), t => t.softmax(-1), new TinyTorch.Core.Softmax());
        }

        ActivationVariant variant = ActivationCatalog.FindVariant(key) ?? throw new ArgumentException($"no activation '{key}'");
        return ((x, y) => variant.Forward!(x, y), FamilyVsTorchSharp.Torch[key], variant.Create());
    }
}
