using TinyTorch.Catalog;

namespace Tito.Stability;

/// <summary>A slice under the stability check of the forms along a dim (softmax and its relatives), and what it must give.</summary>
/// <param name="Why">What the slice tests.</param>
/// <param name="Row">The input.</param>
internal sealed record SliceCase(string Why, float[] Row)
{
    /// <summary>Slices with huge, infinite, NaN and tiny entries, with PyTorch's edge semantics.</summary>
    public static readonly IReadOnlyList<SliceCase> All =
    [
        new("1000s: exp overflows without the max subtraction", [1000, 1001, 1002]),
        new("spread of 2000", [-1000, 0, 1000]),
        new("past the exp thresholds", [104, -104, 88.72f]),
        new("float32 extremes", [float.MaxValue, float.MaxValue, float.MinValue]),
        new("−∞ entry beside finite ones", [float.NegativeInfinity, 0, 1]),
        new("all −∞ → NaN", [float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity]),
        new("+∞ entry", [float.PositiveInfinity, 0, 1]),
        new("NaN poisons its slice", [float.NaN, 1, 2]),
        new("subnormals → uniform", [float.Epsilon, 1e-40f, -float.Epsilon]),
        new("zeros → uniform", [0, 0, 0, 0]),
        new("one entry far above the rest", [0, -100, -100]),
    ];

    /// <summary>The expected output: the form's double reference over the slice (with PyTorch's edges).</summary>
    public double[] Expected(AlongDimForm form) => form.Reference(Row);
}
