using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The per-element steps of softmax yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) in float lanes, within 1.77 ULP of the true value
/// (proof below): the exponential, the compensated sum and the final quotient. The passes over memory are in
/// <see cref="SoftmaxRows"/> and <see cref="SoftmaxColumns"/>.
/// </summary>
/// <remarks>
/// <para>With u = 2^-24 (half a float ULP, relative) and m the slice's maximum (exact):</para>
/// <list type="number">
/// <item><see cref="Exponential{TV, TL}"/>: d = x − m as an exact float pair dHi + dLo (Knuth's TwoSum, TAOCP vol. 2
/// §4.2.2: six additions, no condition on the operands, |dLo| ≤ u·|dHi|). Forming d in float alone would lose
/// |d|·u ≈ 6e−6 at |d| = 100, i.e. 100 ULP of e^d. <see cref="FloatExp"/> then gives e_c = 2^k·(hi + lo) =
/// e^d·(1 + η) with |η| ≤ 2^-27; the element stored is e' = 2^k·hi, which is e_c rounded to float
/// (hi is the rounded sum of the normalised pair, and 2^k is exact), and the residual r = 2^k·lo = e_c − e' (|r| ≤ u·e')
/// goes into the sum only.</item>
/// <item><see cref="Accumulate{TV, TL}"/>: each lane sums its terms as a float pair (s, c): TwoSum splits s + e'
/// exactly into s₁ + δ, and c gathers δ + r (one FMA). Every <see cref="FoldTerms"/> terms the caller adds s + c into a double
/// and restarts the pair. Within one such group of F terms with sum T (all terms ≥ 0): |δ| ≤ u·T and |r| ≤ u·e', so
/// rounding δ + r costs ≤ 2u²T a term and c never exceeds (j + 1)·2u·T after j terms, so its additions cost ≤
/// u²T·Σⱼ 2(j + 1) ≈ u²·F²·T. With F = 512 that is 1.01·2^-30·T, and the double additions (≤ 2^-53 each, a few per group)
/// are far smaller: the sum S of the e_c comes out within σ ≤ 2^-30 relative. The lane-wise partial sums change the
/// order of summation against a plain loop; the caller fixes the order by element index alone (never by thread or
/// vector width), so the bits do not depend on either.</item>
/// <item><see cref="Quotient{TV, TL}"/>: y = e' / (SHi + SLo) with S as a normalised float pair, rounded once
/// (Markstein's FMA correction, as <see cref="FloatQuotient"/>: ½ ULP + 2^-46 relative). A reciprocal multiply
/// instead would round twice and could reach 2 ULP on its own with the rest.</item>
/// </list>
/// <para>Together y = RN(y·(1 + ρ)(1 + ηᵢ)/((1 + η̄)(1 + σ))·(1 + 2^-46)), where ρ = e'/e_c − 1 (|ρ| ≤ u) and η̄, a weighted
/// mean of the ηⱼ, lies within 2^-26 of ηᵢ: relative error before the last rounding ≤ u·(1 + 0.25 + 0.02), and since
/// y &lt; 2^24 ULP(y), that is ≤ 1.27 ULP, plus the final ½: ≤ 1.77 ULP. (The one float rounding of e' is the largest term;
/// it is what storing the exponentials in the output costs, against a third pass computing them again.)</para>
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

    /// <summary>
    /// e' = e^(x − m) rounded to float (<paramref name="negMax"/> is −m); the residual e^(x − m) − e' (up to the
    /// exponential's 2^-27 relative error) is <paramref name="scale"/>·<paramref name="lo"/>, left unformed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exponential<TV, TL>(TV x, TV negMax, out TV scale, out TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        // TwoSum: x + (−m) = dHi + dLo exactly.
        TV dHi = TL.Add(x, negMax);
        TV negMaxPart = TL.Subtract(dHi, x);
        TV xPart = TL.Subtract(dHi, negMaxPart);
        TV dLo = TL.Add(TL.Subtract(x, xPart), TL.Subtract(negMax, negMaxPart));
        dLo = TL.SelectWhereBelow(dHi, MinArgument, TL.Create(0.0f), dLo);

        TV hi = FloatExp.ExpNonPositive<TV, TL>(dHi, dLo, MinArgument, out TV kd, out lo);
        scale = TL.Pow2FromMagic(kd);
        return TL.Multiply(scale, hi);
    }

    /// <summary>
    /// Adds e' + scale·lo (e' ≥ 0, as <see cref="Exponential{TV, TL}"/> returns them) to the lane pair (sum, carry):
    /// TwoSum of sum + e', then its error plus scale·lo (one FMA) into carry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate<TV, TL>(ref TV sum, ref TV carry, TV e, TV scale, TV lo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV s = TL.Add(sum, e);
        TV ePart = TL.Subtract(s, sum);
        TV sumPart = TL.Subtract(s, ePart);
        TV error = TL.Add(TL.Subtract(sum, sumPart), TL.Subtract(e, ePart));
        carry = TL.Add(carry, TL.MultiplyAdd(scale, lo, error));
        sum = s;
    }

    /// <summary>
    /// e' / (SHi + SLo) rounded once, given R = 1/SHi rounded and the negated pair (the row constants of
    /// <see cref="FloatQuotient.Divide{TV, TL}"/> with a zero numerator low part).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Quotient<TV, TL>(TV e, TV reciprocal, TV negSumHi, TV negSumLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV q0 = TL.Multiply(e, reciprocal);
        TV residual = TL.MultiplyAdd(q0, negSumHi, e);
        residual = TL.MultiplyAdd(q0, negSumLo, residual);
        return TL.MultiplyAdd(residual, reciprocal, q0);
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
