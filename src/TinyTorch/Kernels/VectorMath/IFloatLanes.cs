namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The float32 operations the float-lane kernels need, over one value (<see cref="FloatScalarLanes"/>) or a vector
/// of 4, 8 or 16 (<see cref="FloatLanes128"/>, <see cref="FloatLanes256"/>, <see cref="FloatLanes512"/>).
/// </summary>
/// <remarks>
/// Every implementation performs the same IEEE operation with the same rounding, and MultiplyAdd is a true fused
/// multiply-add everywhere, so one generic algorithm gives identical bits at every width.
/// </remarks>
/// <typeparam name="TV">float, or a vector of floats.</typeparam>
internal interface IFloatLanes<TV>
    where TV : struct
{
    /// <summary>value in every lane.</summary>
    static abstract TV Create(float value);

    /// <summary>a + b, rounded once.</summary>
    static abstract TV Add(TV a, TV b);

    /// <summary>a − b, rounded once.</summary>
    static abstract TV Subtract(TV a, TV b);

    /// <summary>a · b, rounded once.</summary>
    static abstract TV Multiply(TV a, TV b);

    /// <summary>a / b, rounded once.</summary>
    static abstract TV Divide(TV a, TV b);

    /// <summary>a · b + c with a single rounding (fused).</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>max(x, floor); NaN stays NaN.</summary>
    static abstract TV AtLeast(TV x, float floor);

    /// <summary>min(x, ceiling); NaN stays NaN.</summary>
    static abstract TV AtMost(TV x, float ceiling);

    /// <summary>−|x| (sets the sign bit).</summary>
    static abstract TV NegativeAbs(TV x);

    /// <summary>x with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TV CopySign(TV x, TV sign);

    /// <summary>Per lane: <paramref name="whenTrue"/> where x &lt; <paramref name="limit"/> (false for NaN), else <paramref name="otherwise"/>.</summary>
    static abstract TV SelectWhereBelow(TV x, float limit, TV whenTrue, TV otherwise);

    /// <summary>Whether any lane has x &lt; <paramref name="limit"/> (NaN lanes do not): the test of a rare-lane branch.</summary>
    static abstract bool AnyBelow(TV x, float limit);

    /// <summary>
    /// Whether any lane has x &lt; <paramref name="limit"/>, for a negative limit, by the bit patterns as unsigned
    /// integers (an integer compare, off the FMA ports; for a pair, one compare after an integer maximum). Lanes of NaN
    /// with the sign bit set count too: the caller's select (<see cref="SelectWhereBelow"/>) leaves them alone.
    /// </summary>
    static abstract bool AnyBelowNegative(TV x, float limit);

    /// <summary>2^k from kd = 1.5·2^23 + k (k an integer in [−127, 127]): exponent field k + 127 (0 gives +0).</summary>
    static abstract TV Pow2FromMagic(TV kd);

    /// <summary>c − a·b with a single rounding (fused; the negation is exact, so this is MultiplyAdd(−a, b, c)).</summary>
    static abstract TV NegatedMultiplyAdd(TV a, TV b, TV c);

    /// <summary>
    /// table[n mod 16] per lane, from kd = 1.5·2^23 + n (n an integer, |n| &lt; 2^22, so the low four bits of kd's
    /// bit pattern are n mod 16); <paramref name="table"/> has 16 entries.
    /// </summary>
    static abstract TV Lookup16(TV kd, ReadOnlySpan<float> table);

    /// <summary>2^⌊n/16⌋ from kd = 1.5·2^23 + n, for ⌊n/16⌋ in [−127, 127]: exponent field ⌊n/16⌋ + 127 (0 gives +0).</summary>
    static abstract TV Pow2FromMagicOver16(TV kd);

    /// <summary>
    /// 2^(⌊n/16⌋ + <paramref name="octaves"/>) from kd = 1.5·2^23 + n, for ⌊n/16⌋ + octaves in [−127, 127] (−127 gives
    /// +0): <see cref="Pow2FromMagicOver16"/> with the octaves in its exponent bias, so scaling by 2^octaves costs nothing.
    /// </summary>
    static abstract TV Pow2FromMagicOver16Plus(TV kd, int octaves);

    /// <summary>Per lane: a where a &gt; b, else b (so b where either is NaN, as x86 maxps).</summary>
    static abstract TV Larger(TV a, TV b);

    /// <summary>Per lane: a where a &lt; b, else b (so b where either is NaN, as x86 minps).</summary>
    static abstract TV Smaller(TV a, TV b);

    /// <summary>−(a · b) − c with a single rounding (fused; the negations are exact).</summary>
    static abstract TV NegatedMultiplySubtract(TV a, TV b, TV c);

    /// <summary>
    /// x·2^⌊n/16⌋ for kd = 1.5·2^23 + n, by adding ⌊n/16⌋ to x's exponent field: exact where x and the result are
    /// normal floats (garbage elsewhere: callers keep ⌊n/16⌋ in range). One integer add where <see cref="Pow2FromMagicOver16"/>
    /// and a multiply take two operations more and a multiply's latency. (⌊n/16⌋·2^23 is formed as kd's bits shifted left
    /// by 19 and masked to the sign and exponent field: the bits (kd &gt;&gt; 4) &lt;&lt; 23 gives, in one shift fewer.)
    /// </summary>
    static abstract TV ScaleByPow2Over16(TV x, TV kd);
}
