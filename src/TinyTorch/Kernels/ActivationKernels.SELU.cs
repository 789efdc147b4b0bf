using TinyTorch.Activations.Reference;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

public static partial class ActivationKernels
{
    // SELU's constants are not floats: each is carried as the nearest float plus the rest, so that scale·x and
    // scale·alpha·(e^x − 1) are rounded once (the float scale alone would add up to 0.56 ULP).
    private const double SeluNegative = SELUMath.Scale * SELUMath.Alpha;
    private const float SeluNegativeHi = (float)SeluNegative;
    private const float SeluNegativeLo = (float)(SeluNegative - SeluNegativeHi);
    private const float SeluScaleHi = (float)SELUMath.Scale;
    private const float SeluScaleLo = (float)(SELUMath.Scale - SeluScaleHi);

    /// <summary>destination[i] = scale·x[i] for x[i] &gt; 0, scale·alpha·(e^x[i] − 1) otherwise, with PyTorch's constants
    /// (<see cref="SELUMath.Alpha"/>, <see cref="SELUMath.Scale"/>); within 0.76 ULP, ±0 → +0, NaN propagating.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SELU(ReadOnlySpan<float> x, Span<float> destination) =>
        Unary(new ELUOperator(SeluNegativeHi, SeluNegativeLo, SeluScaleHi, SeluScaleLo, 1f), x, destination);

    /// <summary>SELU's backward, from the input: destination[i] = gradOutput[i]·scale where input[i] &gt; 0 (and NaN),
    /// gradOutput[i]·scale·alpha·e^input[i] elsewhere (scale·alpha at 0, as PyTorch).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input x.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SELUBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> input, Span<float> destination) =>
        Backward(new ELUBackwardOperator(SeluNegativeHi, SeluScaleHi, 1f), gradOutput, input, destination, nameof(input));

    /// <summary>SELU over Half, correctly rounded: the Half nearest the float64 reference at every Half input (computed
    /// in float through the float overload's operator, widened and narrowed in chunks; see HalfAdapter).</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Receives the result; may be <paramref name="x"/> itself.</param>
    public static void SELU(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        HalfAdapter.Unary(new ELUOperator(SeluNegativeHi, SeluNegativeLo, SeluScaleHi, SeluScaleLo, 1f), x, destination, static (v, p, q) => SELUMath.Forward(v), 0, 0);
    }

    /// <summary>SELU's backward over Half, correctly rounded, in PyTorch's order (gradOutput, input, destination).</summary>
    /// <param name="gradOutput">dL/dy.</param>
    /// <param name="input">The forward's input.</param>
    /// <param name="destination">Receives dL/dx; may be either input.</param>
    public static void SELUBackward(ReadOnlySpan<Half> gradOutput, ReadOnlySpan<Half> input, Span<Half> destination)
    {
        HalfAdapter.Backward(new ELUBackwardOperator(SeluNegativeHi, SeluScaleHi, 1f), gradOutput, input, destination, nameof(input), static (g, s, p, q) => g * SELUMath.Derivative(s), 0, 0);
    }
}
