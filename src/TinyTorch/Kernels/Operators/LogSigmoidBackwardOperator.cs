using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels.Operators;

/// <summary>dL/dx for LogSigmoid, from the input x: g·σ(−x) = g/(1 + e^x), without the subtraction 1 − σ(x).</summary>
/// <remarks>
/// For |x| ≤ 80: e^x = p·2^k from <see cref="FloatExp.ExpModerate{TV, TL}"/> (no table, no low part), the denominator
/// 1 + p·2^k rounded once (one FMA: the scaling is exact) and one division of g. With S = σ(−x) = 1/(1 + e^x) and p·2^k =
/// e^x·(1 + ε), the result is g·S·(1 + δ₂)/((1 + δ₁)(1 + (1 − S)·ε)), |δ₁|, |δ₂| ≤ 2^-24 (the two roundings): within
/// |g|·(2·2^-24·S + S·(1 − S)·|ε|) of g·S. ExpModerate gives |ε| ≤ 3.6·2^-24 + |k|·2^-28.97; the first part makes
/// 2S + 3.6·S(1 − S) ≤ 2.21 (its maximum, at S = 0.78), and the |k| part is weighted by S(1 − S) ≤ e^-|x| with
/// |k| ≤ 1.45|x| + ½: at most 0.05·2^-24. So within 2.3·2^-24 of |g| ≤ max(|dL/dx|, |g|), inside the backward bound
/// of 4. (Measured over all 2^32 floats with g = 1, `tito check accuracy --backward --exhaustive`: 1.535·2^-24, at x = −1.6891067.) ~15 operations and the division; the previous
/// degree-7 Taylor exponential with a two-part ln 2 (2^-23, 1.50 measured) took four more, for precision this bound
/// does not use (0.33 against 0.28 ns/element, 262 144 elements, one thread, Zen 4, both with the tail out of line).
/// Lanes beyond |x| = 80 (or ±∞), fixed up only in the vectors that have one, take σ(−x) from <see cref="FloatSigmoid"/> (0.56 ULP, correct down to the
/// subnormals of e^-x) times g rounded once: within 2^-22.5 of |dL/dx|.
/// −∞ gives g, +∞ gives 0, NaN gives NaN (all as PyTorch).
/// </remarks>
internal readonly struct LogSigmoidBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public static bool Paired => true;

    private const float ModerateLimit = 80.0f;

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
        TV negAbs = TL.NegativeAbs(x);
        if (!TL.AnyBelow(negAbs, -ModerateLimit))
        {
            return Moderate<TV, TL>(x, g);
        }

        return WithTail<TV, TL>(x, g, negAbs);
    }

    /// <summary>A vector with a lane beyond |x| = 80: the moderate path where it applies, the tail elsewhere.</summary>
    /// <remarks>
    /// NOTE: not inlined, on purpose. Inlined into the paired loop, this rare path (a second, table-driven exponential)
    /// made the JIT spill the common path's registers in every iteration: 0.68 ns/element against 0.28 out of line
    /// (262 144 elements, one thread, Zen 4); the call costs only the vectors that take it.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV WithTail<TV, TL>(TV x, TV g, TV negAbs)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // NOTE: per lane, not per vector: which path a lane takes must not depend on its neighbours (the widths, the
        // scalar body and the threads' chunks all group lanes differently), so the other lanes keep the common path's bits.
        TV moderate = Moderate<TV, TL>(TL.AtMost(TL.AtLeast(x, -ModerateLimit), ModerateLimit), g);
        TV tail = TL.Multiply(g, FloatSigmoid.Sigmoid<TV, TL>(TL.Subtract(TL.Create(0.0f), x)));
        return TL.SelectWhereBelow(negAbs, -ModerateLimit, tail, moderate);
    }

    /// <summary>g/(1 + e^x) for |x| ≤ 80 (see the remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Moderate<TV, TL>(TV x, TV g)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV p = FloatExp.ExpModerate<TV, TL>(x, out TV scale);
        return TL.Divide(g, TL.MultiplyAdd(p, scale, TL.Create(1.0f)));
    }
}
