using BenchmarkDotNet.Attributes;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// LogSoftmax against TorchSharp's log_softmax, forward and backward, on rows of 32 × 1000 to 16 384 × 1024 and over a
/// dim that is not the last (dim 0 of 1024 × 1024): TorchSharp's allocating call (the result disposed each time) and
/// libtorch's autograd backward over a graph built once, against our span kernels into preallocated outputs.
/// Run: dotnet run -c Release -- --filter '*LogSoftmax*' --quick
/// </summary>
[MemoryDiagnoser]
public class LogSoftmaxVsTorchSharp
{
    /// <summary>rows × row length, and the dim ("@0": dim 0, not the last).</summary>
    [Params("32x1000", "256x1000", "4096x1024", "16384x1024", "1024x1024@0")]
    public string Shape { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    private int _rows, _length, _dim;
    private float[] _x = [], _y = [], _g = [], _dx = [];
    private Tensor _t = null!, _tg = null!, _ty = null!, _graphX = null!;

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.MaxDegreeOfParallelism = Threads;
        torch.set_num_threads(Threads);
        string[] parts = Shape.Split('@');
        string[] dims = parts[0].Split('x');
        (_rows, _length, _dim) = (int.Parse(dims[0]), int.Parse(dims[1]), parts.Length > 1 ? int.Parse(parts[1]) : 1);
        int n = _rows * _length;
        var random = new Random(20_240_402);
        _x = [.. Enumerable.Range(0, n).Select(_ => (float)(((random.NextDouble() * 2) - 1) * 8))];
        _g = [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        _y = new float[n];
        _dx = new float[n];
        Forward();
        _t = torch.tensor(_x).reshape(_rows, _length);
        _tg = torch.tensor(_g).reshape(_rows, _length);
        _graphX = torch.tensor(_x).reshape(_rows, _length).requires_grad_(true);
        _ty = nn.functional.log_softmax(_graphX, _dim);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ty.Dispose();
        _graphX.Dispose();
        _t.Dispose();
        _tg.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void TorchSharpForward() => nn.functional.log_softmax(_t, _dim).Dispose();

    [Benchmark]
    public void Forward()
    {
        if (_dim == 1)
        {
            ActivationKernels.LogSoftmax(_x, _y, _length);
        }
        else
        {
            ActivationKernels.LogSoftmaxStrided(_x, _y, _rows, _length);
        }
    }

    [Benchmark]
    public void TorchSharpBackward()
    {
        IList<Tensor> grads = torch.autograd.grad([_ty], [_graphX], [_tg], retain_graph: true);
        grads[0].Dispose();
    }

    [Benchmark]
    public void Backward()
    {
        if (_dim == 1)
        {
            ActivationKernels.LogSoftmaxBackward(_g, _y, _dx, _length);
        }
        else
        {
            ActivationKernels.LogSoftmaxStridedBackward(_g, _y, _dx, _rows, _length);
        }
    }
}
