using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The per-element steps of softmax yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) in float lanes, within 1.1 ULP of the true value
/// (proof below): the exponential, the compensated sum and the final quotient. The passes over memory are in
/// <see cref="SoftmaxRows"/>, <see cref="SoftmaxBlocks"/> and <see cref="SoftmaxColumns"/>.
/// </summary>
/// <remarks>
/// <para>With u = 2^-24 (half a float ULP, relative) and m the slice's maximum (exact):</para>
/// <list type="number">
/// <item><see cref="Exponential{TV, TL}"/>: d = x − m as an exact float pair dHi + dLo (Knuth's TwoSum, TAOCP vol. 2
/// §4.2.2: six additions, no condition on the operands, |dLo| ≤ u·|dHi|). Forming d in float alone would lose
/// |d|·u ≈ 6e−6 at |d| = 100, i.e. 100 ULP of e^d. <see cref="FloatExp"/> then gives e_c = 2^k·(hi + lo) =
/// e^d·(1 + η) with |η| ≤ 2^-26 (its tests' bound; 2^-26.4 measured over 2·10^7 arguments). The element is kept as
/// the pair e' = 2^k·hi (e_c rounded to float: hi is the rounded sum of the normalised pair, 2^k is exact) and
/// r = 2^k·lo rounded (|r| ≤ u·e', so its own rounding is ≤ u²·e'). NOTE: r is kept as r·2^64: at e' near 2^-126,
/// r itself would be subnormal and lose up to 2^-150, half an ULP of the smallest results.</item>
/// <item><see cref="Accumulate{TV, TL}"/>: each lane sums its terms as a float pair (s, c): TwoSum splits s + e'
/// exactly into s₁ + δ, and c gathers δ + r. Every <see cref="FoldTerms"/> terms the caller adds s + c into a double
/// and restarts the pair. Within one such group of F terms with sum T (all terms ≥ 0): |δ| ≤ u·T and |r| ≤ u·e', so
/// rounding δ + r costs ≤ 2u²T a term and c never exceeds (j + 1)·2u·T after j terms, so its additions cost ≤
/// u²T·Σⱼ 2(j + 1) ≈ u²·F²·T. With F = 512 that is 1.01·2^-30·T, and the double additions (≤ 2^-53 each, a few per
/// group) are far smaller: the sum S of the e_c comes out within σ ≤ 2^-30 relative. The lane-wise partial sums change
/// the order of summation against a plain loop; the callers fix the order by element index alone (never by thread or
/// vector width), so the bits depend on neither.</item>
/// <item><see cref="Quotient{TV, TL}"/>: y = (e' + r) / (SHi + SLo), both pairs, rounded once (Markstein's FMA
/// correction, as <see cref="FloatQuotient"/>: ½ ULP + 2^-46 relative). It is formed at 2^64 times the scale, where no
/// step is subnormal for any normal y (the remainder e' − q₀·SHi must be exact), and scaled back exactly; only a
/// subnormal y is rounded a second time, within 2^-149. Storing e' alone would add its rounding (up to
/// u, a whole ULP of y) and, with FloatExp's measured error, leave a bound of 1.9 ULP; a reciprocal multiply would
/// round twice.</item>
/// </list>
/// <para>Together y = RN(y·(1 + ηᵢ)/((1 + η̄)(1 + σ))·(1 + ε)), |ε| ≤ u² + 2^-46, where η̄, the mean of the ηⱼ weighted
/// by the terms, lies within 2·2^-26 of ηᵢ: relative error before the last rounding ≤ u·(0.5 + 0.02 + 2^-20), and since
/// y &lt; 2^24 ULP(y) that is ≤ 0.52 ULP, plus the final ½: ≤ 1.02 ULP for every normal y (0.91 with the measured η).
/// Measured: at most 0.644 ULP over 1.4·10^7 elements, rows of 3 to 65 536 spread over ±1, ±10 and ±100, at every width
/// (0.61 where y &lt; 2^-100).</para>
/// <para>Edges: where dHi &lt; −88 (including −∞, and x − m overflowing) dLo is set to 0, since the pair's low part
/// may be NaN (∞ − ∞) and e is 0 there anyway (<see cref="FloatExp"/> clamps at −88, where 2^k = 0): −∞ beside finite
/// values gives exactly +0. Results below 2^-126 are subnormal or 0, within 2^-126 absolute. A NaN in x makes e' NaN and
/// so the sum NaN, which the callers turn into a NaN slice.</para>
/// </remarks>
internal static class FloatSoftmax
{
    /// <summary>How many terms a lane's float pair sums before it is folded into double (F in the remarks).</summary>
    internal const int FoldTerms = 512;

    private const float MinArgument = -88.0f;

    /// <summary>2^64: the scale of the residuals, and of the quotient while it is formed (see the remarks).</summary>
    internal const float Boost = 1.8446744e19f;

    private const float Unboost = 5.42101086e-20f;   // 2^-64

    /// <summary>
    /// e^(x − m) as the pair e' + <paramref name="residual"/>·2^-64: e' rounded to float, the residual the rest times
    /// 2^64 (up to the exponential's 2^-26 relative error and u² of rounding); <paramref name="negMax"/> is −m.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exponential<TV, TL>(TV x, TV negMax, out TV residual)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV dHi = FloatPairs.TwoSum<TV, TL>(x, negMax, out TV dLo);   // x + (−m) = dHi + dLo exactly
        dLo = TL.SelectWhereBelow(dHi, MinArgument, TL.Create(0.0f), dLo);

        TV hi = FloatExp.ExpNonPositive<TV, TL>(dHi, dLo, true, MinArgument, out TV kd, out TV lo);
        TV scale = FloatExp.Pow2<TV, TL>(kd);
        residual = TL.Multiply(TL.Multiply(scale, TL.Create(Boost)), lo);
        return TL.Multiply(scale, hi);
    }

    /// <summary>
    /// Adds e' + residual·2^-64 (e' ≥ 0, as <see cref="Exponential{TV, TL}"/> returns them) to the lane pair (sum, carry):
    /// TwoSum of sum + e', then its error plus the residual into carry (one FMA).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate<TV, TL>(ref TV sum, ref TV carry, TV e, TV residual)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        sum = FloatPairs.TwoSum<TV, TL>(sum, e, out TV error);
        carry = TL.Add(carry, TL.MultiplyAdd(residual, TL.Create(Unboost), error));
    }

    /// <summary>
    /// (e' + residual·2^-64) / (SHi + SLo) rounded once, given R = 1/SHi rounded and the negated pair: the row constants
    /// of <see cref="FloatQuotient.Divide{TV, TL}"/>, whose steps these are, taken at 2^64 times the scale.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Quotient<TV, TL>(TV e, TV residual, TV reciprocal, TV negSumHi, TV negSumLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV boosted = TL.Multiply(e, TL.Create(Boost));
        TV q0 = TL.Multiply(boosted, reciprocal);
        TV rest = TL.Add(TL.MultiplyAdd(q0, negSumHi, boosted), residual);
        rest = TL.MultiplyAdd(q0, negSumLo, rest);
        return TL.Multiply(TL.MultiplyAdd(rest, reciprocal, q0), TL.Create(Unboost));
    }

    /// <summary>
    /// The float pair (hi, lo) nearest the double <paramref name="sum"/>, and what <see cref="Quotient{TV, TL}"/> needs
    /// of it: R = 1/hi, −hi and −lo.
    /// </summary>
    public static (float Reciprocal, float NegHi, float NegLo) Divisor(double sum)
    {
        float hi = (float)sum;
        float lo = (float)(sum - hi);
        return (1.0f / hi, -hi, -lo);
    }
}
