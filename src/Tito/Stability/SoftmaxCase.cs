using TinyTorch.Activations.Reference;

namespace Tito.Stability;

/// <summary>A softmax row under the stability check, and what it must give.</summary>
/// <param name="Why">What the row tests.</param>
/// <param name="Row">The input.</param>
internal sealed record SoftmaxCase(string Why, float[] Row)
{
    /// <summary>Rows with huge, infinite, NaN and tiny entries, with PyTorch's edge semantics.</summary>
    public static readonly IReadOnlyList<SoftmaxCase> All =
    [
        new("1000s: exp overflows without the max subtraction", [1000, 1001, 1002]),
        new("spread of 2000", [-1000, 0, 1000]),
        new("past the exp thresholds", [104, -104, 88.72f]),
        new("float32 extremes", [float.MaxValue, float.MaxValue, float.MinValue]),
        new("−∞ entry gets probability 0", [float.NegativeInfinity, 0, 1]),
        new("all −∞ → NaN (no distribution)", [float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity]),
        new("+∞ entry → NaN (∞ − ∞)", [float.PositiveInfinity, 0, 1]),
        new("NaN poisons its row", [float.NaN, 1, 2]),
        new("subnormals → uniform", [float.Epsilon, 1e-40f, -float.Epsilon]),
        new("zeros → uniform", [0, 0, 0, 0]),
    ];

    /// <summary>The expected output: the readable layer's softmax in double (itself max-subtracted, with PyTorch's edges).</summary>
    public double[] Expected()
    {
        float[] y = new float[Row.Length];
        SoftmaxMath.Forward(Row, y, 0, Row.Length, 1);
        return [.. y.Select(v => (double)v)];
    }
}
