using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// tanh(softplus(x)) as the ratio of two float pairs N/(N + C), without a tanh or a log: the shared part of Mish's
/// forward and backward.
/// </summary>
/// <remarks>
/// With w = e^x, tanh(ln(1 + w)) = ((1 + w)² − 1)/((1 + w)² + 1) = (w² + 2w)/(w² + 2w + 2). In terms of e = e^(−|x|) ≤ 1:
/// for x ≤ 0, N = e² + 2e and C = 2; for x &gt; 0 (dividing by w²), N = 1 + 2e and C = 2e². No step cancels, and
/// 1 − tanh² = C·(2N + C)/(N + C)² needs no subtraction either.
/// e is <see cref="FloatExp"/>'s pair (2^-32) normalised to E + ELo; e² = E·E + (its FMA error + 2E·ELo);
/// N = A + B by a Fast2Sum with (A, B) = (2E, e²) or (1, 2E) per lane ((larger − sum) + smaller is exact for
/// both orders); C = (2, 0) or 2e²; D = N + C likewise. Every low part is a rounding error or 2^-23 of its high
/// part, so the pairs are within 2^-44 of their values, and |lo| ≤ 2^-23·|hi| (what <see cref="FloatQuotient"/> needs).
/// Lanes below x = −88 get e = 0 (FloatExp's clamp): N = 0.
/// </remarks>
internal static class FloatMish
{
    /// <summary>N + nLo and, returned, D + dLo with N/D = tanh(softplus(x)); C = D − N as cHi (its low part is not needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Ratio<TV, TL>(TV x, out TV nHi, out TV nLo, out TV cHi, out TV dLo, out TV e)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV zero = TL.Create(0.0f);
        TV one = TL.Create(1.0f);
        TV hi = FloatExp.ExpNonPositive<TV, TL>(TL.NegativeAbs(x), out TV scale, out TV lo);
        TV scaledLo = TL.Multiply(scale, lo);
        e = TL.MultiplyAdd(scale, hi, scaledLo);
        TV eLo = TL.Add(TL.MultiplyAdd(scale, hi, TL.Subtract(zero, e)), scaledLo);

        TV e2 = TL.Add(e, e);
        TV e2Lo = TL.Add(eLo, eLo);
        TV sq = TL.Multiply(e, e);
        TV sqLo = TL.MultiplyAdd(e2, eLo, TL.MultiplyAdd(e, e, TL.Subtract(zero, sq)));

        // x ≤ 0 (x &lt; the smallest positive float; NaN takes the other side, and stays NaN either way).
        TV a = TL.SelectWhereBelow(x, float.Epsilon, e2, one);
        TV b = TL.SelectWhereBelow(x, float.Epsilon, sq, e2);
        TV abLo = TL.SelectWhereBelow(x, float.Epsilon, TL.Add(sqLo, e2Lo), e2Lo);
        nHi = TL.Add(a, b);
        nLo = TL.Add(TL.Add(TL.Subtract(TL.Larger(a, b), nHi), TL.Smaller(a, b)), abLo);

        cHi = TL.SelectWhereBelow(x, float.Epsilon, TL.Create(2.0f), TL.Add(sq, sq));
        TV cLo = TL.SelectWhereBelow(x, float.Epsilon, zero, TL.Add(sqLo, sqLo));
        TV dHi = TL.Add(nHi, cHi);
        dLo = TL.Add(TL.Add(TL.Subtract(TL.Larger(nHi, cHi), dHi), TL.Smaller(nHi, cHi)), TL.Add(nLo, cLo));
        return dHi;
    }
}
