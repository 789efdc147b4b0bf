using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The per-element steps of softmax yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) in float lanes, within 0.7 ULP of the true value
/// (proof below): the exponential, the compensated sum and the final quotient. The passes over memory are in
/// <see cref="SoftmaxBlocks"/> and <see cref="SoftmaxColumns"/> (the column paths; rows use <see cref="FloatSoftmaxRow"/>).
/// </summary>
/// <remarks>
/// <para>With u = 2^-24 (half a float ULP, relative) and m the slice's maximum (exact). Every term, sum and residual is
/// carried at 2^64 times its true scale (B = 2^64 below), so that no step is subnormal for any normal y (the remainder
/// of the quotient must be exact) and the quotient comes out at the true scale without a final multiplication.</para>
/// <list type="number">
/// <item><see cref="Exponential{TV, TL}"/>: d = x − m as an exact float pair dHi + dLo (Knuth's TwoSum, TAOCP vol. 2
/// §4.2.2: six additions, no condition on the operands, |dLo| ≤ u·|dHi|). Forming d in float alone would lose
/// |d|·u ≈ 6e−6 at |d| = 100, i.e. 100 ULP of e^d. <see cref="FloatExp"/> then gives e_c = 2^K·(hi + lo) =
/// e^d·(1 + η) with |η| ≤ 2^-32 (d clamped at −132.5, where K = −191). The element is kept as the pair
/// E = 2^(K+64)·hi and r = 2^(K+64)·lo, both exact: 2^(K+64) is built directly from kd, the 64 in its exponent bias (a normal float for
/// K + 64 ∈ [−126, 64]), so the terms of a subnormal y (d from −87.3 to −103.3) are as precise as any other (2^K·B,
/// with 2^K itself 0 from d = −87.7 on, flushed them). At the clamp K + 64 = −127 and 2^(K+64) comes out as +0, so the
/// clamped tail and −∞ still give exactly 0 (between −132.5 and −103.97 the terms are tiny but not 0, and their
/// quotients, below 2^-150, round to +0). The pair is NOT normalised (hi is not e_c rounded: |lo| ≤ 2^-11.5·hi, see
/// <see cref="FloatExp"/>), which saves the three additions of a Fast2Sum on the critical path.</item>
/// <item><see cref="Accumulate{TV, TL}"/>: each lane sums its terms as a float pair (s, c): TwoSum splits s + E
/// exactly into s₁ + δ, and c gathers δ + r. Every <see cref="FoldTerms"/> terms the caller adds s + c into a double
/// and restarts the pair. Within one such group of F terms with sum T (all terms ≥ 0): |δ| ≤ u·T, and the residuals
/// add up to at most 2^-11.5·T, so |c| ≤ j·u·T + 2^-11.5·T after j terms and each of its 2F roundings costs at most
/// u times that: ≤ (F²/2)·u²·T + F·2^-35.5·T in all. With F = 512 that is 2^-26.5·T at worst (the residuals of
/// one sign and as large as they can be; far less in practice, as they vary in sign), and the double additions (≤ 2^-53
/// each, a few per group) are far smaller: the sum S of the e_c comes out within σ ≤ 2^-26.5 relative. The lane-wise
/// partial sums change the order of summation against a plain loop; the callers fix the order by element index alone
/// (never by thread or vector width), so the bits depend on neither.</item>
/// <item><see cref="Quotient{TV, TL}"/>: y = (E + r) / (SHi + SLo), both pairs at the scale B, rounded once
/// (Markstein's FMA correction, as <see cref="FloatQuotient"/>): q₀ = E·R with R = 1/SHi rounded, the remainder
/// E − q₀·SHi exact by one FMA, then r − q₀·SLo, and y = q₀ + R·(remainder) by one FMA. The remainder is up to
/// 2^-11.5·E (the pair is not normalised), and R's rounding costs u of it: ½ ULP + 2^-35 relative. Since R = 2^-64/S
/// is normal, q₀ is y at its true scale; only a subnormal y is rounded in the subnormal range (its remainder need not
/// be exact there), within 2^-149 plus a tiny relative error. Storing E alone would add its rounding (up to 2^-11.5,
/// thousands of ULP); a reciprocal multiply would round twice.</item>
/// </list>
/// <para>Together y = RN(y·(1 + ηᵢ)/((1 + η̄)(1 + σ))·(1 + ε)), |ε| ≤ 2^-35, where η̄, the mean of the ηⱼ weighted
/// by the terms, lies within 2·2^-32 of ηᵢ: relative error before the last rounding ≤ u·(2^-7 + 0.177 + 2^-11), and
/// since y &lt; 2^24 ULP(y) that is ≤ 0.19 ULP, plus the final ½: ≤ 0.69 ULP for every normal y.
/// Measured: see the width tests (rows of 3 to 65 536 spread over ±1, ±10 and ±100, at every width).</para>
/// <para>Edges: where dHi &lt; −132.5 (including −∞, and x − m overflowing) dLo is set to 0, since the pair's low part
/// may be NaN (∞ − ∞) and the clamped exponential does not need it: −∞ beside finite values gives exactly +0.
/// A subnormal y is rounded once on the subnormal grid by the quotient's last FMA (item 3): within ½ ULP in subnormal
/// spacing (2^-149) plus the tiny relative error above. A NaN in x makes E NaN and so the sum NaN, which the callers
/// turn into a NaN slice.</para>
/// </remarks>
internal static class FloatSoftmax
{
    /// <summary>How many terms a lane's float pair sums before it is folded into double (F in the remarks).</summary>
    internal const int FoldTerms = 512;

    /// <summary>The clamp of d = x − m: there K = −191 and 2^(K+64) is +0 (the reduction holds down to it: see <see cref="FloatExp"/>).</summary>
    private const float MinArgument = -132.5f;

    /// <summary>The scale B = 2^64 of the terms, residuals and sums as octaves, folded into 2^K's exponent bias (see the remarks).</summary>
    private const int BoostOctaves = 64;

    /// <summary>B = 2^<see cref="BoostOctaves"/> itself, for callers that scale a folded sum back (LogSoftmaxColumns).</summary>
    internal const double Boost = 18446744073709551616.0;

    /// <summary>
    /// e^(x − m)·2^64 as the unnormalised pair result + <paramref name="residual"/> (|residual| ≤ 2^-11.5·result, up to
    /// the exponential's 2^-32 relative error and 2^-35.5 of rounding); <paramref name="negMax"/> is −m.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exponential<TV, TL>(TV x, TV negMax, out TV residual)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV dHi = FloatPairs.TwoSum<TV, TL>(x, negMax, out TV dLo);   // x + (−m) = dHi + dLo exactly
        dLo = TL.SelectWhereBelow(dHi, MinArgument, TL.Create(0.0f), dLo);

        TV hi = FloatExp.ExpNonPositive<TV, TL>(dHi, dLo, true, MinArgument, out TV kd, out TV lo);
        TV scale = TL.Pow2FromMagicOver16Plus(kd, BoostOctaves);
        residual = TL.Multiply(scale, lo);
        return TL.Multiply(scale, hi);
    }

    /// <summary>
    /// Adds E + residual (E ≥ 0, as <see cref="Exponential{TV, TL}"/> returns them) to the lane pair (sum, carry):
    /// TwoSum of sum + E, then its error plus the residual into carry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate<TV, TL>(ref TV sum, ref TV carry, TV e, TV residual)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        sum = FloatPairs.TwoSum<TV, TL>(sum, e, out TV error);
        carry = TL.Add(carry, TL.Add(residual, error));
    }

    /// <summary>
    /// (E + residual) / (SHi + SLo) rounded once, given R = 1/SHi rounded and the negated pair: the row constants
    /// of <see cref="FloatQuotient.Divide{TV, TL}"/>, whose steps these are; E, the residual and the sum all at 2^64
    /// times their scale, so the quotient comes out at its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Quotient<TV, TL>(TV e, TV residual, TV reciprocal, TV negSumHi, TV negSumLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV q0 = TL.Multiply(e, reciprocal);
        TV rest = TL.Add(TL.MultiplyAdd(q0, negSumHi, e), residual);
        rest = TL.MultiplyAdd(q0, negSumLo, rest);
        return TL.MultiplyAdd(rest, reciprocal, q0);
    }

    /// <summary>
    /// The float pair (hi, lo) nearest the double <paramref name="sum"/> (at 2^64 times its scale), and what
    /// <see cref="Quotient{TV, TL}"/> needs of it: R = 1/hi, −hi and −lo.
    /// </summary>
    public static (float Reciprocal, float NegHi, float NegLo) Divisor(double sum)
    {
        float hi = (float)sum;
        float lo = (float)(sum - hi);
        return (1.0f / hi, -hi, -lo);
    }
}
