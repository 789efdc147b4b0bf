using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>σ(x) = 1 / (1 + e^(−x)) in float lanes, within 0.56 ULP of the true value for every float input.</summary>
/// <remarks>
/// Tang's table-driven exponential (Tang, ACM TOMS 15(2), 1989; the 16-entry table of <see cref="FloatExp"/>) feeds a
/// float-pair denominator d = 1 + e^t, t = −x, and one reciprocal with an FMA correction (Markstein, "IA-64 and
/// Elementary Functions", 2000). Written for as few floating-point operations as the bound allows, because the loop
/// that runs it is limited by how many of them are in flight, not by one vector's latency:
/// <list type="number">
/// <item>kd = fma(x, −16/ln 2, <see cref="FloatExp.TableMagic"/>) holds k = round(t·16/ln 2) = 16K + j; r1 = t − k·L1
/// is exact (L1 = ln 2/16 to 24 bits, <see cref="FloatExp"/> item 2), δ = ε_j − k·L2 collects the table entry's
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
/// compute garbage and the final select returns +0 (the truth is below 2^-126.9). NaN stays NaN through the clamp and
/// the arithmetic, and the select's comparison is false for it.
/// </remarks>
internal static class FloatSigmoid
{
    private const float Floor = -88.0f;
    private const float Ceiling = 87.0f;

    // ln 2/16 = L1 + L2: the values FloatExp reduces with (L1 = Ln2Hi/16, a multiple of 2^-28).
    private const float L1 = 0.0433216989f;        // 0x3D317218
    private const float L2 = -1.19040888e-10f;     // 0xAF02E308

    // p(r) = r + r²·(C2 + C3·r), minimax for e^r − 1 on |r| ≤ 0.02172 with the constant and linear terms fixed.
    private const float C2 = 0.500016272f;         // 0x3F000111
    private const float C3 = 0.166670591f;         // 0x3E2AABB2

    /// <summary>Table index j + 8 → 2^(j/16) rounded to float (as in <see cref="FloatExp"/>).</summary>
    private static ReadOnlySpan<float> PowerHi =>
    [
        0.707106769f, 0.738413095f, 0.771105409f, 0.805245161f, 0.840896428f, 0.878126085f, 0.917004049f, 0.957603276f,
        1.0f, 1.04427373f, 1.09050775f, 1.13878858f, 1.18920708f, 1.24185777f, 1.29683959f, 1.35425556f,
    ];

    /// <summary>Table index j + 8 → ln(2^(j/16)/PowerHi), the rest of the table entry as an exponent (as in <see cref="FloatExp"/>).</summary>
    private static ReadOnlySpan<float> PowerRest =>
    [
        1.71142709e-08f, -3.04768335e-08f, 5.23333421e-09f, 6.10759177e-09f, -1.47196060e-08f, -5.25879518e-09f, -6.12825968e-09f, 5.14060927e-09f,
        0.0f, 4.62854715e-08f, -1.19921575e-08f, 4.72978208e-08f, 3.19341815e-08f, 3.62105723e-08f, -3.09907229e-08f, -7.47521334e-09f,
    ];

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
        TV r1 = TL.NegatedMultiplySubtract(k, TL.Create(L1), xc);
        TV delta = TL.MultiplyAdd(k, TL.Create(-L2), TL.Lookup16(kd, PowerRest));
        TV r = TL.Add(r1, delta);
        TV p = TL.MultiplyAdd(TL.Multiply(r, r), TL.MultiplyAdd(r, TL.Create(C3), TL.Create(C2)), r);

        TV a = TL.ScaleByPow2Over16(TL.Lookup16(kd, PowerHi), kd);
        TV dHi = TL.MultiplyAdd(a, r1, TL.Add(one, a));
        TV dLo = TL.MultiplyAdd(a, p, TL.Add(TL.Subtract(TL.Larger(a, one), dHi), TL.Smaller(a, one)));

        TV reciprocal = TL.Divide(one, dHi);
        TV rho = TL.NegatedMultiplyAdd(reciprocal, dLo, TL.NegatedMultiplyAdd(reciprocal, dHi, one));
        TV sigmoid = TL.MultiplyAdd(reciprocal, TL.MultiplyAdd(rho, rho, rho), reciprocal);
        return TL.SelectWhereBelow(x, Floor, TL.Create(0.0f), sigmoid);
    }
}
