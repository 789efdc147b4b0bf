using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>σ(x) = 1 / (1 + e^(−x)) in float lanes, within 0.56 ULP of the true value for every float input.</summary>
/// <remarks>
/// Tang's table-driven exponential (Tang, ACM TOMS 15(2), 1989; the 16-entry table of <see cref="FloatExp"/>, <see cref="FloatExp.PowerHi"/> and <see cref="FloatExp.PowerRest"/>) feeds a
/// float-pair denominator d = 1 + e^t, t = −x, and one reciprocal with an FMA correction (Markstein, "IA-64 and
/// Elementary Functions", 2000). Written for as few floating-point operations as the bound allows, because the loop
/// that runs it is limited by how many of them are in flight, not by one vector's latency:
/// <list type="number">
/// <item>kd = fma(x, −16/ln 2, <see cref="FloatExp.TableMagic"/>) holds k = round(t·16/ln 2) = 16K + j; r1 = t − k·L1
/// is exact (L1 + L2 = ln 2/16: <see cref="FloatExp.Ln2Over16Hi"/> and <see cref="FloatExp.Ln2Over16Lo"/>, <see cref="FloatExp"/> item 2), δ = ε_j − k·L2 collects the table entry's
/// rounding (ε_j = ln(2^(j/16)/T_j)) and the rest of ln 2/16, and r = r1 + δ is rounded once (|r| ≤ 0.0218, so
/// within 2^-30.5). e^t = A·e^r with A = 2^K·T_j exact.</item>
/// <item>p = r + r²·(c2 + c3·r) ≈ e^r − 1: a degree-3 minimax fit on [−0.02172, 0.02172] (Remez), within 2^-29.2 with
/// the float coefficients below; p's own rounding is below 2^-30.5.</item>
/// <item>d = 1 + A + A·p as dHi + dLo: d0 = 1 + A, dHi = fma(A, r1, d0) (r1 rather than p, so that the division
/// starts early), and dLo = fma(A, p, (max(A, 1) − dHi) + min(A, 1)). The subtraction is exact: for A ≥ 1.03 by
/// Sterbenz (dHi ≤ 2A), otherwise both operands are multiples of 2^-23 in [1, 2.5) and differ by less than 2. The
/// addition rounds a value of size A·|r1| at 2^-24 (≤ 2^-29.5·d), and (max − dHi) + min = 1 + A − dHi whichever of 1
/// and A is larger: no Fast2Sum order to get wrong, and no separate error terms for d0 and dHi.
/// |dLo| ≈ A·(δ + r²/2) ≤ 2^-12·d.</item>
/// <item>R = 1/dHi rounded, ρ = (1 − R·dHi) − R·dLo (the first part exact, the remainder of a correctly rounded
/// reciprocal), and σ = R·(1 + ρ + ρ²) = fma(R, fma(ρ, ρ, ρ), R): 1/(dHi + dLo) = R/(1 − ρ) exactly, and |ρ| ≤ 2^-11.9,
/// so the dropped ρ³ and the roundings of ρ and ρ + ρ² are below 2^-35.</item>
/// </list>
/// Altogether σ before its one rounding is within 2^-28.2 relative (the table approximation, damped by A/d ≤ 1, and
/// dLo's roundings), so the result is within 0.5 + 2^24·2^-28.2 &lt; 0.56 ULP wherever it is normal; measured over
/// all 2^32 inputs: see <see cref="Operators.SigmoidOperator"/>.
/// Range: x is clamped at 87 from above (σ rounds to 1 from x = 17.33 on; the clamp keeps K ≥ −125, where A is a normal
/// float, and keeps infinities out of r). From x = −87.34 down σ is subnormal and R and the result round on the
/// subnormal grid (within 2^-148 of the truth; 1 − R·dHi is still exact, |ρ| ≤ 2^-22). Below −88 (K ≥ 128) the lanes
/// compute garbage and, in the vectors that have such a lane, are replaced by e^x on the subnormal grid (the truth is
/// below 2^-126.9 there; see SubnormalTail: within 0.75 ULP in subnormal spacing, where this once returned +0). NaN
/// stays NaN through the clamp and the arithmetic, and the select's comparison is false for it.
/// </remarks>
internal static class FloatSigmoid
{
    private const float Floor = -88.0f;
    private const float Ceiling = 87.0f;

    // p(r) = r + r²·(C2 + C3·r), minimax for e^r − 1 on |r| ≤ 0.02172 with the constant and linear terms fixed.
    private const float C2 = 0.500016272f;         // 0x3F000111
    private const float C3 = 0.166670591f;         // 0x3E2AABB2

    /// <summary>σ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV magic = TL.Create(FloatExp.TableMagic);
        TV xc = TL.AtMost(x, Ceiling);
        TV kd = TL.MultiplyAdd(xc, TL.Create(-FloatExp.SixteenOverLn2), magic);
        TV k = TL.Subtract(kd, magic);
        TV r1 = TL.NegatedMultiplySubtract(k, TL.Create(FloatExp.Ln2Over16Hi), xc);
        TV delta = TL.MultiplyAdd(k, TL.Create(-FloatExp.Ln2Over16Lo), TL.Lookup16(kd, FloatExp.PowerRest));
        TV p = ExpM1<TV, TL>(TL.Add(r1, delta));

        TV a = TL.ScaleByPow2Over16(TL.Lookup16(kd, FloatExp.PowerHi), kd);
        TV dHi = Denominator<TV, TL>(one, a, r1, p, out TV dLo);

        TV reciprocal = TL.Divide(one, dHi);
        TV rho = TL.NegatedMultiplyAdd(reciprocal, dLo, TL.NegatedMultiplyAdd(reciprocal, dHi, one));
        TV sigmoid = TL.MultiplyAdd(reciprocal, TL.MultiplyAdd(rho, rho, rho), reciprocal);

        // NOTE: below −88 the lanes above computed garbage; their truth, e^x·(1 − e^x + …) = e^x to 2^-127, is
        // subnormal down to −103.3. Rare in real inputs, so only vectors that hold such a lane pay for it.
        return TL.AnyBelow(x, Floor) ? TL.SelectWhereBelow(x, Floor, SubnormalTail<TV, TL>(x), sigmoid) : sigmoid;
    }

    /// <summary>
    /// e^x for x below −88 (and −∞), on the subnormal grid: e^x at 2^64 times its size (2^(K+64) is normal: K + 64 ∈
    /// [−95, −63] for x ≥ −110, where the exponential clamps), rounded once to float (2^-24 relative, at most a quarter of
    /// a subnormal ULP for a value below 2^-126.9) and scaled back by 2^-64, which rounds it to the subnormal grid:
    /// within 0.75 ULP in subnormal spacing (2^-149); 0 from x = −103.97 down.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SubnormalTail<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = FloatExp.ExpTimesTwoTo64<TV, TL>(x, default, false, out TV lo);
        return TL.Multiply(TL.Add(hi, lo), TL.Create(FloatExp.TwoToMinus64));
    }

    /// <summary>p = r + r²·(C2 + C3·r) ≈ e^r − 1 for |r| ≤ 0.02172 (item 2 of the class remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV ExpM1<TV, TL>(TV r)
        where TV : struct
        where TL : IFloatLanes<TV> =>
        TL.MultiplyAdd(TL.Multiply(r, r), TL.MultiplyAdd(r, TL.Create(C3), TL.Create(C2)), r);

    /// <summary>
    /// unit + A·(1 + p) as dHi + <paramref name="dLo"/> (item 3 of the class remarks, with 1 replaced by
    /// <paramref name="unit"/>: the same argument holds for any unit ≤ A/1.03 or unit = 1): dHi = fma(A, r1, unit + A),
    /// dLo = fma(A, p, (max(A, unit) − dHi) + min(A, unit)), |dLo| ≤ 2^-12·dHi.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV Denominator<TV, TL>(TV unit, TV a, TV r1, TV p, out TV dLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV dHi = TL.MultiplyAdd(a, r1, TL.Add(unit, a));
        dLo = TL.MultiplyAdd(a, p, TL.Add(TL.Subtract(TL.Larger(a, unit), dHi), TL.Smaller(a, unit)));
        return dHi;
    }
}
