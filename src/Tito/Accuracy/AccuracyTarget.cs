using TinyTorch.Catalog;

namespace Tito.Accuracy;

/// <summary>One forward kernel, its double-precision reference, and the bound it promises in ULPs.</summary>
/// <param name="Name">The function.</param>
/// <param name="Kernel">The fast layer's span kernel.</param>
/// <param name="Reference">The readable layer's double function: the truth.</param>
/// <param name="BoundUlps">The promised maximum error.</param>
internal sealed record AccuracyTarget(string Name, SpanKernel Kernel, Func<double, double> Reference, double BoundUlps)
{
    /// <summary>Every element-wise form in the catalog, with the bound its entry promises.</summary>
    public static IReadOnlyList<AccuracyTarget> All { get; } =
    [
        .. ActivationCatalog.Variants.Where(v => v.IsElementwise).Select(v =>
            new AccuracyTarget(v.Label, (x, y) => v.Forward!(x, y), v.Reference!, v.ForwardBoundUlps)),
    ];
}
