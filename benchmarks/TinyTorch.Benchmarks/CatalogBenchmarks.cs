using BenchmarkDotNet.Attributes;
using TinyTorch.Catalog;

namespace TinyTorch.Benchmarks;

/// <summary>
/// Every element-wise form of the activation catalog, forward and backward, through the kernels the catalog names:
/// an activation added to the catalog is measured here without a benchmark of its own (the per-activation classes
/// add the peers: TensorPrimitives and scalar loops).
/// </summary>
[MemoryDiagnoser]
public class CatalogBenchmarks : ElementwiseBenchmark
{
    private ActivationVariant _variant = null!;
    private float[] _saved = [];

    /// <summary>The catalog keys measured.</summary>
    public static IEnumerable<string> Keys => ActivationCatalog.Variants.Where(v => v.IsElementwise).Select(v => v.Key);

    /// <summary>The form under measurement.</summary>
    [ParamsSource(nameof(Keys))]
    public string Activation { get; set; } = "";

    [Benchmark]
    public void Forward() => _variant.Forward!(X, Y);

    [Benchmark]
    public void Backward() => _variant.Backward!(Z, _saved, Y);

    protected override void AfterSetup()
    {
        _variant = ActivationCatalog.FindVariant(Activation)!;
        _saved = _variant.Saves == SavedForBackward.Input ? X : new float[N];
        if (_variant.Saves == SavedForBackward.Output)
        {
            _variant.Forward!(X, _saved);
        }
    }
}
