using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for Mish, from the input x: g·(tanh(sp) + x·σ(x)·(1 − tanh²(sp))), sp = softplus(x) (PyTorch's mish_backward).</summary>
/// <remarks>
/// From <see cref="FloatMish.Ratio{TV, TL}"/>: tanh(sp) = N/D (a pair quotient, 0.5 ULP), 1 − tanh² = C·(2N + C)/D² and
/// σ(x) = (e or 1)/(1 + e) (no subtractions). The second term, at most 0.27 in size (x ≈ −1.5), is one fraction
/// x·s·C·(2N + C)/((1 + e)·D²).
/// <para>
/// The bound, within 3.53·2^-24 of max(|dL/dx|, |g|) (the family's is 4), in two steps. (1) The slope D′ = tanh ⊕ F
/// (everything before the product with g) is a function of x alone, so it was checked for every float: over all
/// 2^32 bit patterns (`tito check accuracy --backward --exhaustive --function mish`: the kernel with g = 1, whose product
/// is exact, against MishMath.Derivative in double),
/// |D′ − D| ≤ W·2^-24·max(|D|, 1) with W = 2.522, the worst at x = 0.9332718. (2) The product with g rounds once:
/// |fl(g·D′) − g·D| ≤ |g|·|D′ − D| + 2^-24·|g·D′| ≤ (W + 1 + W·2^-24)·2^-24·max(|g·D|, |g|), as |g|·max(|D|, 1) is
/// that maximum and |g·D′| ≤ |g·D| + |g|·|D′ − D| (for a normal product; a subnormal one is within half its spacing).
/// A rounding-by-rounding count instead (8 roundings in F, 8·0.27, plus tanh's, the sum's and the product's) gives
/// 4.3·2^-24: it stacks worst cases that never meet, F's largest roundings (x ≈ −1.5) where the sum is small
/// (Mish′(−1.5) ≈ −0.06) and the sum's rounding near x ≈ 1 where F is 0.18.
/// </para>
/// x is clamped to [−200, 16] (beyond: slope 0 and 1 in float); ±∞ give 0 and 1 (PyTorch: NaN); NaN stays NaN.
/// </remarks>
internal readonly struct MishBackwardOperator : IBinaryOperator
{
    private const float Floor = -200.0f;
    private const float Ceiling = 16.0f;

    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x, float g) => Compute<float, FloatScalarLanes>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x, Vector128<float> g) => Compute<Vector128<float>, FloatLanes128>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x, Vector256<float> g) => Compute<Vector256<float>, FloatLanes256>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x, Vector512<float> g) => Compute<Vector512<float>, FloatLanes512>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair Invoke(Vector512Pair x, Vector512Pair g) => Compute<Vector512Pair, FloatLanes512Pair>(x, g);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Compute<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV xc = TL.AtMost(TL.AtLeast(x, Floor), Ceiling);
        TV dHi = FloatMish.Ratio<TV, TL>(xc, out TV nHi, out TV nLo, out TV cHi, out TV dLo, out TV e);
        TV tanh = FloatQuotient.Divide<TV, TL>(nHi, nLo, dHi, dLo);
        TV sigmoidNumerator = TL.SelectWhereBelow(xc, float.Epsilon, e, TL.Create(1.0f));
        TV numerator = TL.Multiply(TL.Multiply(TL.Multiply(xc, sigmoidNumerator), cHi), TL.Add(TL.Add(nHi, nHi), cHi));
        TV denominator = TL.Multiply(TL.Multiply(TL.Add(TL.Create(1.0f), e), dHi), dHi);
        return TL.Multiply(g, TL.Add(tanh, TL.Divide(numerator, denominator)));
    }
}
