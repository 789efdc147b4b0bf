using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>σ(x) = 1 / (1 + e^(−x)) in float lanes, within 1 ULP of the true value for every float input.</summary>
/// <remarks>
/// With e = e^(−|x|) = 2^k·(eHi + eLo) from <see cref="FloatExp"/>:
/// σ = 1 / (1 + e) for x ≥ 0 and σ = 2^k·(eHi + eLo) / (1 + e) for x &lt; 0 (the same function times e^x/e^x).
/// 1 + e is formed exactly as a pair (Fast2Sum, 1 ≥ 2^k·eHi, plus the scaled lo part), and the quotient of the
/// pairs is rounded once (<see cref="FloatQuotient"/>). For x &lt; 0 the factor 2^k is applied after the division:
/// exact for normal results, so the only errors are exp's (≤ 2^-27 relative, passed straight into σ for x &lt; 0
/// and damped by e/(1+e) ≤ ½ for x ≥ 0) and the final rounding: ≤ 0.5 + 0.13 ULP.
/// Below x = −87.68, 2^k is 0 (see <see cref="FloatExp"/>), so σ is +0 where the truth is under 2^-126.5.
/// NaN gives NaN. Checked over all 2^32 inputs (see the operator).
/// </remarks>
internal static class FloatLogistic
{
    /// <summary>σ(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV, TL>(TV x)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV one = TL.Create(1.0f);
        TV eHi = FloatExp.ExpNonPositive<TV, TL>(TL.NegativeAbs(x), out TV scale, out TV eLo);
        TV a = TL.Multiply(scale, eHi);
        TV dHi = TL.Add(one, a);
        TV dLo = TL.MultiplyAdd(scale, eLo, TL.Add(TL.Subtract(one, dHi), a));

        TV nHi = TL.SelectWhereBelow(x, 0.0f, eHi, one);
        TV nLo = TL.SelectWhereBelow(x, 0.0f, eLo, TL.Create(0.0f));
        TV quotient = FloatQuotient.Divide<TV, TL>(nHi, nLo, dHi, dLo);
        return TL.Multiply(quotient, TL.SelectWhereBelow(x, 0.0f, scale, one));
    }
}
