using BenchmarkDotNet.Attributes;
using TinyTorch.Catalog;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Backward of each catalog activation with a TorchSharp counterpart: libtorch's autograd backward over a graph built
/// once (torch.autograd.grad with the graph retained, the gradient disposed each time) against our backward span
/// kernel into a preallocated output. Autograd adds a little bookkeeping per call; at 4 096 elements that is visible.
/// </summary>
[MemoryDiagnoser]
public class BackwardVsTorchSharp : PeerBenchmark
{
    private ActivationVariant _ours = null!;
    private float[] _g = [], _saved = [], _dx = [];
    private Tensor _x = null!, _y = null!, _gradOutput = null!;

    /// <summary>The same keys as the forward comparison.</summary>
    public static IEnumerable<string> Keys => FamilyVsTorchSharp.Keys;

    [ParamsSource(nameof(Keys))]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _ours = ActivationCatalog.FindVariant(Activation)!;
        float[] x = Inputs();
        _g = Inputs(1, seed: 7);
        _dx = new float[N];
        _saved = x;
        if (_ours.Saves == SavedForBackward.Output)
        {
            _saved = new float[N];
            _ours.Forward!(x, _saved);
        }

        _x = torch.tensor(x).requires_grad_(true);
        _y = FamilyVsTorchSharp.Torch[Activation](_x);
        _gradOutput = torch.tensor(_g);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _y.Dispose();
        _x.Dispose();
        _gradOutput.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void TorchSharp()
    {
        IList<Tensor> grads = torch.autograd.grad([_y], Activation == "prelu" ? [_x, FamilyVsTorchSharp.PReLUWeight] : [_x], [_gradOutput], retain_graph: true);
        foreach (Tensor grad in grads)
        {
            grad.Dispose();
        }
    }

    [Benchmark]
    public void Ours() => _ours.Backward!(_g, _saved, _dx);
}
