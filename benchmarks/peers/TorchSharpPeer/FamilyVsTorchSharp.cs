using BenchmarkDotNet.Attributes;
using TinyTorch.Catalog;
using TinyTorch.Kernels;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchSharpPeer;

/// <summary>
/// Each catalog activation with a TorchSharp counterpart, forward: TorchSharp's allocating functional call (the
/// result disposed each time), our module's allocating Forward (like for like), and our span kernel into a
/// preallocated output. PReLU is TorchSharp's prelu with a one-parameter weight of 0.25; RReLU is compared in evaluation
/// form (leaky_relu at its fixed slope).
/// </summary>
[MemoryDiagnoser]
public class FamilyVsTorchSharp : PeerBenchmark
{
    /// <summary>PReLU's weight for the TorchSharp side: one parameter, 0.25, requiring its gradient.</summary>
    internal static readonly Tensor PReLUWeight = torch.tensor(new[] { 0.25f }).requires_grad_(true);

    internal static readonly Dictionary<string, Func<Tensor, Tensor>> Torch = new()
    {
        ["relu"] = t => nn.functional.relu(t),
        ["sigmoid"] = t => nn.functional.sigmoid(t),
        ["tanh"] = t => nn.functional.tanh(t),
        ["gelu-tanh"] = GeluTanh(),
        ["gelu-exact"] = t => nn.functional.gelu(t),
        ["leakyrelu"] = t => nn.functional.leaky_relu(t, 0.01),
        ["elu"] = t => nn.functional.elu(t, 1.0),
        ["celu"] = t => nn.functional.celu(t, 1.0),
        ["selu"] = t => nn.functional.selu(t),
        ["silu"] = t => nn.functional.silu(t),
        ["mish"] = t => nn.functional.mish(t),
        ["softplus"] = t => nn.functional.softplus(t, 1.0, 20.0),
        ["softsign"] = t => nn.functional.softsign(t),
        ["logsigmoid"] = t => nn.functional.logsigmoid(t),
        ["hardtanh"] = t => t.clamp(-1.0, 1.0),   // TorchSharp 0.107's hardtanh returns an empty handle; clamp is what it computes
        ["relu6"] = t => nn.functional.relu6(t),
        ["hardsigmoid"] = t => nn.functional.hardsigmoid(t),
        ["hardswish"] = t => nn.functional.hardswish(t),
        ["hardshrink"] = t => nn.functional.hardshrink(t, 0.5),
        ["softshrink"] = t => nn.functional.softshrink(t, 0.5),
        ["tanhshrink"] = t => nn.functional.tanhshrink(t),
        ["threshold"] = t => nn.functional.threshold(t, 0.0, 0.0),
        ["squaredrelu"] = t => nn.functional.relu(t).pow(2),
        // PReLU's own op with a learnable weight (0.25, one parameter, PyTorch's default), so that backward computes the
        // weight's gradient too, as ours does (BackwardVsTorchSharp asks autograd for both).
        ["prelu"] = t => t.prelu(PReLUWeight),
        ["rrelu"] = t => nn.functional.leaky_relu(t, (1 / 8.0 + 1 / 3.0) / 2),
    };

    // TorchSharp's Approximate enum lives in a namespace that moved between versions: found from gelu's signature.
    private static Func<Tensor, Tensor> GeluTanh()
    {
        System.Reflection.MethodInfo gelu = typeof(nn.functional).GetMethods()
            .Single(m => m.Name == "gelu" && m.GetParameters().Length == 3);
        object tanh = Enum.Parse(gelu.GetParameters()[1].ParameterType, "tanh");
        return t => (Tensor)gelu.Invoke(null, [t, tanh, false])!;
    }

    private ActivationVariant _ours = null!;
    private Func<Tensor, Tensor> _torch = null!;
    private float[] _x = [], _y = [];
    private Tensor _t = null!;
    private TinyTorch.Core.IActivation _module = null!;
    private TinyTorch.Core.Tensor _ourTensor = null!;

    /// <summary>The catalog keys with a TorchSharp counterpart (only those in PEER_KEYS, comma-separated, when it is set).</summary>
    public static IEnumerable<string> Keys => ActivationCatalog.Variants
        .Where(v => v.IsElementwise && Torch.ContainsKey(v.Key))
        .Select(v => v.Key)
        .Where(k => Environment.GetEnvironmentVariable("PEER_KEYS") is not { Length: > 0 } only || only.Split(',').Contains(k));

    [ParamsSource(nameof(Keys))]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        ApplyThreads();
        _ours = ActivationCatalog.FindVariant(Activation)!;
        _torch = Torch[Activation];
        _x = Inputs();
        _y = new float[N];
        _t = torch.tensor(_x);
        _module = _ours.Create();
        _ourTensor = new TinyTorch.Core.Tensor(_x, [N]);
    }

    [GlobalCleanup]
    public void Cleanup() => _t.Dispose();

    [Benchmark(Baseline = true)]
    public void TorchSharp()
    {
        using Tensor y = _torch(_t);
    }

    /// <summary>Our span kernel into a preallocated output (what a caller reusing buffers gets).</summary>
    [Benchmark]
    public void Ours() => _ours.Forward!(_x, _y);

    /// <summary>Our module's allocating Forward, like for like with TorchSharp's allocating call.</summary>
    [Benchmark]
    public TinyTorch.Core.Tensor OursAllocating() => _module.Forward(_ourTensor);
}
