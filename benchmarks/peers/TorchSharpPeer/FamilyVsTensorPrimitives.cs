using BenchmarkDotNet.Attributes;
using TinyTorch.Catalog;
using TinyTorch.Kernels;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace TorchSharpPeer;

/// <summary>
/// The catalog activations a .NET user could compose from TensorPrimitives (System.Numerics.Tensors 10), composed the
/// way such a user would (one pass per primitive, a scratch buffer where needed), against our span kernel. One thread:
/// TensorPrimitives does not spread work over cores.
/// </summary>
[MemoryDiagnoser]
public class FamilyVsTensorPrimitives
{
    /// <summary>Each composition: (x, y, scratch).</summary>
    internal static readonly Dictionary<string, Action<float[], float[], float[]>> Compositions = new()
    {
        ["relu"] = (x, y, _) => TP.Max(x, 0f, y),
        ["sigmoid"] = (x, y, _) => TP.Sigmoid(x, y),
        ["tanh"] = (x, y, _) => TP.Tanh(x, y),
        ["leakyrelu"] = (x, y, s) => { TP.Multiply(x, 0.01f, s); TP.Max(x, s, y); },
        ["relu6"] = (x, y, _) => { TP.Max(x, 0f, y); TP.Min(y, 6f, y); },
        ["hardtanh"] = (x, y, _) => { TP.Max(x, -1f, y); TP.Min(y, 1f, y); },
        ["hardsigmoid"] = (x, y, _) => { TP.Add(x, 3f, y); TP.Max(y, 0f, y); TP.Min(y, 6f, y); TP.Divide(y, 6f, y); },
        ["hardswish"] = (x, y, s) => { TP.Add(x, 3f, s); TP.Max(s, 0f, s); TP.Min(s, 6f, s); TP.Multiply(x, s, y); TP.Divide(y, 6f, y); },
        ["squaredrelu"] = (x, y, _) => { TP.Max(x, 0f, y); TP.Multiply(y, y, y); },
        ["silu"] = (x, y, s) => { TP.Sigmoid(x, s); TP.Multiply(x, s, y); },
        ["softsign"] = (x, y, s) => { TP.Abs(x, s); TP.Add(s, 1f, s); TP.Divide(x, s, y); },
        ["tanhshrink"] = (x, y, s) => { TP.Tanh(x, s); TP.Subtract(x, s, y); },
        ["softplus"] = (x, y, _) => { TP.Exp(x, y); TP.LogP1(y, y); },
        ["logsigmoid"] = (x, y, _) => { TP.Negate(x, y); TP.Exp(y, y); TP.LogP1(y, y); TP.Negate(y, y); },
        ["elu"] = (x, y, s) => { TP.ExpM1(x, s); TP.Min(s, 0f, s); TP.Max(x, 0f, y); TP.Add(y, s, y); },
        ["mish"] = (x, y, s) => { TP.Exp(x, s); TP.LogP1(s, s); TP.Tanh(s, s); TP.Multiply(x, s, y); },
    };

    private ActivationVariant _ours = null!;
    private Action<float[], float[], float[]> _composed = null!;
    private float[] _x = [], _y = [], _scratch = [];

    /// <summary>The catalog keys with a composition (only those in PEER_KEYS, comma-separated, when it is set).</summary>
    public static IEnumerable<string> Keys => ActivationCatalog.Variants
        .Where(v => v.IsElementwise && Compositions.ContainsKey(v.Key))
        .Select(v => v.Key)
        .Where(k => Environment.GetEnvironmentVariable("PEER_KEYS") is not { Length: > 0 } only || only.Split(',').Contains(k));

    [ParamsSource(nameof(Keys))]
    public string Activation { get; set; } = "";

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>As <see cref="PeerBenchmark.Sizes"/>.</summary>
    public static IEnumerable<int> Sizes => PeerBenchmark.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        KernelOptions.MaxDegreeOfParallelism = 1;
        _ours = ActivationCatalog.FindVariant(Activation)!;
        _composed = Compositions[Activation];
        var random = new Random(20_240_402);
        _x = [.. Enumerable.Range(0, N).Select(_ => (float)((random.NextDouble() * 16) - 8))];   // as PeerBenchmark.Inputs
        _y = new float[N];
        _scratch = new float[N];
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitives() => _composed(_x, _y, _scratch);

    [Benchmark]
    public void Ours() => _ours.Forward!(_x, _y);
}
