using TinyTorch.Catalog;

namespace Tito.Accuracy;

/// <summary>The outcome of <see cref="SliceScan"/> for one form along a dim.</summary>
/// <param name="Variant">The form.</param>
/// <param name="Values">How many outputs were measured.</param>
/// <param name="MaxUlps">The largest error seen, in ULPs of the truth.</param>
/// <param name="Worst">Where it was: the slice length, spread and layout, and the value against the truth.</param>
internal sealed record SliceAccuracy(ActivationVariant Variant, long Values, double MaxUlps, string Worst)
{
    /// <summary>Whether the largest error is within the bound the catalog entry promises.</summary>
    public bool WithinBound => MaxUlps <= Variant.ForwardBoundUlps;
}
