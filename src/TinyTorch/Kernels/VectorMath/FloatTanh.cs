using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>tanh(x) in float lanes, within 1 ULP of the true value for every float input.</summary>
/// <remarks>
/// tanh(|x|) = −m/(2 + m) with m = e^(−2|x|) − 1 ∈ (−1, 0] (the same rewrite as the double-lane kernel used):
/// <list type="bullet">
/// <item>e = 2^k·(hi + lo) from <see cref="FloatExp"/> (2|x| is exact), and m = a − 1 + 2^k·lo with a = 2^k·hi,
/// split exactly (Fast2Sum, 1 ≥ a). For 2|x| ≤ 0.368 (k = 0) hi ∈ [0.69, 1], so hi − 1 is exact and the pair keeps
/// m's absolute error at FloatExp's, ≤ 2^-32; once e leaves its first table interval (2|x| ≥ 0.0216) |m| ≥ 0.0214,
/// so that is ≤ 2^-26.4 relative. Below, the table entry is 1 and hi − 1 + lo = r + u exactly up to lo's rounding:
/// no cancellation, m keeps expm1's full relative precision, ≤ 2^-24·(|r|/2 + 2^-25/|r|) relative — at most 2^-35
/// once |x| ≥ 2^-12.</item>
/// <item>2 + m is an exact pair again (Fast2Sum, 2 ≥ |m|), and the pair quotient is rounded once
/// (<see cref="FloatQuotient"/>). m's relative error reaches tanh multiplied by 2/(2 + m) ∈ [1, 2].</item>
/// <item>|x| ≤ 2^-12 returns x itself: tanh(x) = x·(1 − x²/3 + …) is then within x²/3 ≤ 2^-25.6 relative, 0.33 ULP.</item>
/// </list>
/// Worst case over all floats: see the operator. (With the earlier Cody–Waite exponential, good to 2^-26, the worst
/// case was 0.838 ULP, at |x| ≈ 0.1736 where its k stepped from 0 to −1 and m ≈ −0.3 carried exp's absolute error.)
/// An odd polynomial below |x| = ½ plus the (1 − e)/(1 + e) form above measured 0.72 ULP then but ran 10–25% slower
/// (both branches are computed in every lane).
/// NOTE: the sign is copied from x at the end, so tanh(−0) = −0 and odd symmetry is exact. ±∞ gives ±1
/// (e = 0 once the exponent is clamped, m = −1), NaN gives NaN (the tiny-x test is false for NaN, which returns x).
/// </remarks>
internal static class FloatTanh
{
    private const float TinyLimit = 2.44140625e-4f;   // 2^-12

    /// <summary>tanh(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV two = TL.Create(2.0f);
        TV negAbs = TL.NegativeAbs(x);

        TV eHi = FloatExp.ExpNonPositive<TV, TL>(TL.Add(negAbs, negAbs), out TV scale, out TV eLo);
        TV a = TL.Multiply(scale, eHi);
        TV mHi = TL.MultiplyAdd(scale, eHi, TL.Create(-1.0f));   // a − 1, one step shorter (a is exact, or tiny)
        TV mLo = TL.MultiplyAdd(scale, eLo, TL.Subtract(a, TL.Add(mHi, one)));
        TV dHi = TL.Add(two, mHi);
        TV dLo = TL.Add(TL.Add(TL.Subtract(two, dHi), mHi), mLo);
        TV ratio = FloatQuotient.Divide<TV, TL>(mHi, mLo, dHi, dLo);

        return TL.CopySign(TL.SelectWhereBelow(negAbs, -TinyLimit, ratio, x), x);
    }
}
