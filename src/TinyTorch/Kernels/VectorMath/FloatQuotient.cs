using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// (nHi + nLo) / (dHi + dLo) rounded once to float, for float pairs with |lo| ≤ 2^-11·|hi| (not necessarily
/// normalised: <see cref="FloatExp"/> leaves its quadratic term in lo).
/// </summary>
/// <remarks>
/// One division and an FMA-based correction (Markstein's scheme for division with FMA; Markstein, "IA-64 and
/// Elementary Functions", 2000): with R = 1/dHi (relative error ≤ 2^-24) and q0 = nHi·R, the residual
/// ρ = (nHi + nLo) − q0·(dHi + dLo) is evaluated as fma(−q0, dHi, nHi) + fma(−q0, dLo, nLo) (the two halves
/// independent, so the chain after the division is short), and the result is q0 + ρ·R′ in one FMA.
/// Because lo may be as large as 2^-11·hi, q0 is only within ~2^-10 of the quotient and ρ is that large:
/// <list type="bullet">
/// <item>ρ's roundings (the second FMA and the sum; the first FMA is exact, the remainder of a rounded quotient)
/// cost 2^-24·|ρ| ≤ 2^-34 relative.</item>
/// <item>ρ must be divided by the whole pair, not by dHi: R′ = R − (R·dLo)·R = (1/dHi)·(1 − dLo/dHi + …) is
/// 1/(dHi + dLo) to within (dLo/dHi)² + 2^-23 ≤ 2^-21.4, which reaches the result as ≤ 2^-31.4 relative. (Dividing
/// by dHi alone would leave |dLo/dHi|·|ρ|, up to 2^-21.) R′ is formed off the critical path, while q0 and ρ are.</item>
/// </list>
/// The final FMA is the one rounding that matters: the result is within 0.5 ULP + 2^-30.5 relative of the pair
/// quotient (for normalised pairs, |lo| ≤ 2^-24·|hi|, the extra term is below 2^-45).
/// </remarks>
internal static class FloatQuotient
{
    /// <summary>The rounded quotient of the two pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Divide<TV, TL>(TV nHi, TV nLo, TV dHi, TV dLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV reciprocal = TL.Divide(TL.Create(1.0f), dHi);
        TV q0 = TL.Multiply(nHi, reciprocal);
        TV residual = TL.Add(TL.NegatedMultiplyAdd(q0, dHi, nHi), TL.NegatedMultiplyAdd(q0, dLo, nLo));
        TV refined = TL.NegatedMultiplyAdd(TL.Multiply(reciprocal, dLo), reciprocal, reciprocal);
        return TL.MultiplyAdd(residual, refined, q0);
    }

    /// <summary>
    /// n / (dHi + dLo) rounded once, for a float numerator and |dLo| ≤ 2^-11·|dHi|: <see cref="Divide{TV, TL}(TV, TV, TV, TV)"/>
    /// with nLo = 0 (the second residual half is then a plain product), same bound.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV DivideFloat<TV, TL>(TV n, TV dHi, TV dLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV reciprocal = TL.Divide(TL.Create(1.0f), dHi);
        TV q0 = TL.Multiply(n, reciprocal);
        TV residual = TL.Subtract(TL.NegatedMultiplyAdd(q0, dHi, n), TL.Multiply(q0, dLo));
        TV refined = TL.NegatedMultiplyAdd(TL.Multiply(reciprocal, dLo), reciprocal, reciprocal);
        return TL.MultiplyAdd(residual, refined, q0);
    }
}
