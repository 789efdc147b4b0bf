using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// (x + 3)/6 for x in [−3, 3] as an unevaluated float pair: head + tail·(1/6), with the sum x + 3 carried exactly and
/// the division by 6 done as a multiplication with an exact FMA remainder. The building block of Hardsigmoid and
/// Hardswish, whose naive float forms round x + 3 and then divide: 1.00 and 1.91 ULP at worst over all inputs.
/// </summary>
/// <remarks>
/// For x in [−3, 3] (callers clamp; NaN passes through as NaN):
/// <list type="number">
/// <item>s = fl(x + 3), e = x − (s − 3): Fast2Sum (Dekker), exact because |x| ≤ 3, so x + 3 = s + e exactly,
/// |e| ≤ ½ulp(s).</item>
/// <item>head = fl(s·c) with c = fl(1/6) (relative error below 2^-25): |head − s/6| &lt; ulp(head).</item>
/// <item>r = fma(−head, 6, s) = s − 6·head exactly: 6·head is a multiple of 2ulp(head), s a multiple of
/// ulp(s) ≥ 4ulp(head) (s ≈ 6·head lies two or three binades up), and |r| &lt; 6ulp(head), so r = 2m·ulp(head) with
/// |m| ≤ 3, a float.</item>
/// <item>(x + 3)/6 = head + (r + e)/6 exactly. The returned correction is fl(r + e), |r + e| ≤ 10ulp(head); the caller
/// multiplies it by c, so the tail carries a relative error ≤ 1.5·2^-24 (that rounding plus c's), i.e. at most
/// 2.5·2^-24 ulp(head) absolute: a few 10^-7 ULP of the result before its one final rounding.</item>
/// </list>
/// At x = −3 every part is +0; at x = 3, head = 1 and the correction is 0.
/// </remarks>
internal static class FloatHardSigmoid
{
    /// <summary>fl(1/6) = 0.16666667163…, 1/6·(1 + 2^-25.2).</summary>
    public const float OneSixth = 1f / 6f;

    /// <summary>The head fl((x + 3)·fl(1/6)) of (x + 3)/6; <paramref name="correction"/> = fl(r + e), so that
    /// (x + 3)/6 ≈ head + correction/6 to the precision the remarks give.</summary>
    /// <param name="clamped">x, already in [−3, 3] (or NaN).</param>
    /// <param name="correction">Receives the numerator of the tail, to be multiplied by <see cref="OneSixth"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Head<TV, TL>(TV clamped, out TV correction)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV three = TL.Create(3f);
        TV sum = TL.Add(clamped, three);
        TV sumError = TL.Subtract(clamped, TL.Subtract(sum, three));
        TV head = TL.Multiply(sum, TL.Create(OneSixth));
        TV remainder = TL.NegatedMultiplyAdd(head, TL.Create(6f), sum);
        correction = TL.Add(remainder, sumError);
        return head;
    }
}
