using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// The gated units against TorchSharp, forward and backward: libtorch's <c>nn.functional.glu</c> for GLU and the
/// compositions a·silu(b), a·gelu_tanh(b), a·relu(b) over <c>chunk(2, dim)</c> for the others (TorchSharp has no
/// module for them), each allocating its result (disposed each time); ours are the span kernels into preallocated
/// buffers. Backward: libtorch's autograd over a graph built once (the gradient disposed each time) against our backward
/// kernel. Shapes: rows of 32×1000 to 16384×1024 halved along the last dim, and 16384×1024 along dim 0.
/// </summary>
[MemoryDiagnoser]
public class GatedVsTorchSharp
{
    private float[] _x = [], _y = [], _g = [], _dx = [];
    private int _axis, _stride, _dim;
    private Tensor _t = null!, _tx = null!, _ty = null!, _tg = null!;
    private Func<Tensor, Tensor> _torch = null!;

    /// <summary>The unit (only those in PEER_GATES, comma-separated, when it is set).</summary>
    public static IEnumerable<string> Units => Environment.GetEnvironmentVariable("PEER_GATES") is { Length: > 0 } only
        ? only.Split(',')
        : ["glu", "swiglu", "geglu", "reglu"];

    /// <summary>rows×columns, halved along the last dim; "dim0:" halves the first.</summary>
    public static IEnumerable<string> Shapes => Environment.GetEnvironmentVariable("PEER_SHAPES") is { Length: > 0 } only
        ? only.Split(',')
        : ["32x1000", "1024x1024", "16384x1024", "dim0:16384x1024"];

    [ParamsSource(nameof(Units))]
    public string Unit { get; set; } = "";

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.MaxDegreeOfParallelism = Threads;
        torch.set_num_threads(Threads);
        bool first = Shape.StartsWith("dim0:", StringComparison.Ordinal);
        int[] size = [.. Shape[(first ? 5 : 0)..].Split('x').Select(int.Parse)];
        _dim = first ? 0 : 1;
        (_axis, _stride) = first ? (size[0], size[1]) : (size[1], 1);
        int n = size[0] * size[1];
        var random = new Random(20_261_206);
        _x = [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 16) - 8))];
        _g = [.. Enumerable.Range(0, n / 2).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        _y = new float[n / 2];
        _dx = new float[n];
        _torch = Torch(Unit, _dim);
        long[] shape = [size[0], size[1]];
        long[] halved = first ? [size[0] / 2, size[1]] : [size[0], size[1] / 2];
        _t = torch.tensor(_x).reshape(shape);
        _tx = torch.tensor(_x).reshape(shape).requires_grad_(true);
        _ty = _torch(_tx);
        _tg = torch.tensor(_g).reshape(halved);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _t.Dispose();
        _ty.Dispose();
        _tx.Dispose();
        _tg.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void TorchSharpForward()
    {
        using Tensor y = _torch(_t);
    }

    [Benchmark]
    public void OursForward()
    {
        switch (Unit)
        {
            case "glu": ActivationKernels.GLUStrided(_x, _y, _axis, _stride); break;
            case "swiglu": ActivationKernels.SwiGLUStrided(_x, _y, _axis, _stride); break;
            case "geglu": ActivationKernels.GeGLUStrided(_x, _y, _axis, _stride); break;
            default: ActivationKernels.ReGLUStrided(_x, _y, _axis, _stride); break;
        }
    }

    [Benchmark]
    public void TorchSharpBackward()
    {
        IList<Tensor> grads = torch.autograd.grad([_ty], [_tx], [_tg], retain_graph: true);
        grads[0].Dispose();
    }

    [Benchmark]
    public void OursBackward()
    {
        switch (Unit)
        {
            case "glu": ActivationKernels.GLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
            case "swiglu": ActivationKernels.SwiGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
            case "geglu": ActivationKernels.GeGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
            default: ActivationKernels.ReGLUStridedBackward(_g, _x, _dx, _axis, _stride); break;
        }
    }

    /// <summary>libtorch's glu, or the composition a·f(b) over the two chunks (their views disposed with f(b)).</summary>
    internal static Func<Tensor, Tensor> Torch(string unit, long dim)
    {
        Func<Tensor, Tensor> gate = unit switch
        {
            "swiglu" => b => nn.functional.silu(b),
            "geglu" => FamilyVsTorchSharp.Torch["gelu-tanh"],
            "reglu" => b => nn.functional.relu(b),
            _ => null!,
        };
        if (unit == "glu")
        {
            return t => nn.functional.glu(t, dim);
        }

        return t =>
        {
            Tensor[] halves = t.chunk(2, dim);
            using Tensor a = halves[0], b = halves[1];
            using Tensor f = gate(b);
            return a * f;
        };
    }
}
