using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// (nHi + nLo) / (dHi + dLo) rounded once to float, for normalised float pairs (|lo| ≤ 2^-24·|hi|).
/// </summary>
/// <remarks>
/// One division and one FMA-based correction (Markstein's scheme for division with FMA; Markstein, "IA-64 and
/// Elementary Functions", 2000): with R = 1/dHi (relative error ≤ 2^-24) and q0 = nHi·R, the residual
/// ρ = (nHi + nLo) − q0·(dHi + dLo) is evaluated as fma(−q0, dHi, nHi) + nLo − q0·dLo, and the result is
/// q0 + ρ·R in one FMA. q0 is within ~2^-23 of the quotient, so ρ is that small: its two roundings and R's own
/// error (which reaches the result only through ρ·R) cost ~2^-47 relative, and the final FMA is the one
/// rounding that matters: the result is within 0.5 ULP + ~2^-46 relative of the pair quotient.
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
        TV minusQ0 = TL.Subtract(TL.Create(0.0f), q0);
        TV residual = TL.MultiplyAdd(minusQ0, dHi, nHi);
        residual = TL.Add(residual, nLo);
        residual = TL.MultiplyAdd(minusQ0, dLo, residual);
        return TL.MultiplyAdd(residual, reciprocal, q0);
    }
}
