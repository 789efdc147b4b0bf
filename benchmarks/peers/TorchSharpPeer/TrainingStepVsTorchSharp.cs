using BenchmarkDotNet.Attributes;
using TinyTorch.Core;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Issue 13's training step: Forward then Backward through the five course activations in a chain
/// (ReLU → Sigmoid → Tanh → GELU → Softmax over the last dim), on batches of rows of 4 096, in a dispose scope per
/// step; against TorchSharp doing the same with its own <c>torch.NewDisposeScope()</c> and autograd
/// (<c>torch.autograd.grad</c>, the graph rebuilt every step). GELU is PyTorch's default, the exact erf form, on
/// both sides. Every intermediate, gradient and the graph is released at the end of each step on both sides.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepVsTorchSharp
{
    private TrainingStep _step = null!;

    /// <summary>Rows of 4 096: a batch of 32, 256 and 1 024.</summary>
    [Params(32, 256, 1024)]
    public int Rows { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.MaxDegreeOfParallelism = Threads;
        torch.set_num_threads(Threads);
        _step = new TrainingStep(Rows, 4096);
    }

    [GlobalCleanup]
    public void Cleanup() => _step.Dispose();

    [Benchmark(Baseline = true)]
    public void TorchSharp() => _step.Torch();

    [Benchmark]
    public void Ours() => _step.Ours();
}

/// <summary>One training step through the five activations, ours and TorchSharp's, on the same inputs.</summary>
internal sealed class TrainingStep : IDisposable
{
    private readonly ReLU _relu = new();
    private readonly Sigmoid _sigmoid = new();
    private readonly Tanh _tanh = new();
    private readonly GELU _gelu = new(GeluApproximation.None);
    private readonly Softmax _softmax = new();
    private readonly TinyTorch.Core.Tensor _x, _g;
    private readonly torch.Tensor _tx, _tg;

    public TrainingStep(int rows, int columns)
    {
        var random = new Random(20_240_402);
        float[] x = [.. Enumerable.Range(0, rows * columns).Select(_ => (float)((random.NextDouble() * 2) - 1) * 4)];
        float[] g = [.. Enumerable.Range(0, rows * columns).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        _x = new TinyTorch.Core.Tensor(x, [rows, columns]);
        _g = new TinyTorch.Core.Tensor(g, [rows, columns]);
        _tx = torch.tensor(x).reshape(rows, columns).requires_grad_(true);
        _tg = torch.tensor(g).reshape(rows, columns);
    }

    public int Elements => _x.Size;

    /// <summary>Ours: five forwards, five backwards, everything released by the scope; returns dL/dx's first value.</summary>
    public float Ours()
    {
        using TinyTorch.Core.DisposeScope scope = TinyTorch.Core.Tensor.NewDisposeScope();
        _softmax.Forward(_gelu.Forward(_tanh.Forward(_sigmoid.Forward(_relu.Forward(_x)))));
        TinyTorch.Core.Tensor dx = _relu.Backward(_sigmoid.Backward(_tanh.Backward(_gelu.Backward(_softmax.Backward(_g)))));
        return dx.AsSpan()[0];
    }

    /// <summary>TorchSharp: the same chain under autograd, the graph and every tensor released by its scope.</summary>
    public float Torch()
    {
        using var scope = torch.NewDisposeScope();
        torch.Tensor y = nn.functional.relu(_tx).sigmoid().tanh();
        y = nn.functional.gelu(y).softmax(-1);
        IList<torch.Tensor> grads = torch.autograd.grad([y], [_tx], [_tg]);
        return grads[0][0, 0].item<float>();
    }

    /// <summary>Our step's ten calls one by one (for TRAIN_PARTS=1): what each costs inside the step.</summary>
    public (string Name, Action Call)[] OurParts()
    {
        TinyTorch.Core.Tensor h1 = _relu.Forward(_x), h2 = _sigmoid.Forward(h1), h3 = _tanh.Forward(h2), h4 = _gelu.Forward(h3);
        TinyTorch.Core.Tensor y = _softmax.Forward(h4);
        return
        [
            ("ReLU fwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); _relu.Forward(_x); }),
            ("Sigmoid fwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); _sigmoid.Forward(h1); }),
            ("Tanh fwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); _tanh.Forward(h2); }),
            ("GELU exact fwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); _gelu.Forward(h3); }),
            ("Softmax fwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); _softmax.Forward(h4); }),
            ("Softmax bwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); Functional.SoftmaxBackward(_g, y); }),
            ("GELU exact bwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); Functional.GELUBackward(_g, h3, GeluApproximation.None); }),
            ("Tanh bwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); Functional.TanhBackward(_g, h3); }),
            ("Sigmoid bwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); Functional.SigmoidBackward(_g, h2); }),
            ("ReLU bwd", () => { using var s = TinyTorch.Core.Tensor.NewDisposeScope(); Functional.ReLUBackward(_g, h1); }),
        ];
    }

    /// <summary>Σ|dL/dx| from each side, to check that both compute the same step.</summary>
    public (double Ours, double Torch) Check()
    {
        double ours;
        using (TinyTorch.Core.Tensor.NewDisposeScope())
        {
            _softmax.Forward(_gelu.Forward(_tanh.Forward(_sigmoid.Forward(_relu.Forward(_x)))));
            TinyTorch.Core.Tensor dx = _relu.Backward(_sigmoid.Backward(_tanh.Backward(_gelu.Backward(_softmax.Backward(_g)))));
            ours = dx.ToArray().Sum(v => Math.Abs((double)v));
        }

        using var scope = torch.NewDisposeScope();
        torch.Tensor y = nn.functional.gelu(nn.functional.relu(_tx).sigmoid().tanh()).softmax(-1);
        double peer = torch.autograd.grad([y], [_tx], [_tg])[0].abs().sum().to_type(ScalarType.Float64).item<double>();
        return (ours, peer);
    }

    public void Dispose()
    {
        _tx.Dispose();
        _tg.Dispose();
    }
}
