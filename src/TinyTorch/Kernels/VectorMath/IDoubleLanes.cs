namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// The double-precision operations the vector math needs, over one register of doubles (or one double).
/// Every algorithm in this folder is written once against this face and specialized by the JIT for each
/// width, so the scalar, 128-, 256- and 512-bit versions run the very same sequence of IEEE operations
/// and give bit-identical results lane by lane.
/// </summary>
/// <typeparam name="TV">double, or a Vector128/256/512 of double.</typeparam>
/// <remarks>
/// NOTE: every member must have the same IEEE semantics at every width: <see cref="Max"/> and
/// <see cref="Min"/> propagate NaN (IEEE 754-2019 maximum/minimum, as <see cref="Math.Max(double, double)"/>),
/// <see cref="MultiplyAdd"/> is fused (one rounding) even where the hardware has no FMA.
/// </remarks>
internal interface IDoubleLanes<TV>
    where TV : struct
{
    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TV Create(double value);

    /// <summary>a − b.</summary>
    static abstract TV Subtract(TV a, TV b);

    /// <summary>a · b.</summary>
    static abstract TV Multiply(TV a, TV b);

    /// <summary>a / b, correctly rounded.</summary>
    static abstract TV Divide(TV a, TV b);

    /// <summary>a · b + c with a single rounding.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>The larger of a and b; NaN if either is NaN.</summary>
    static abstract TV Max(TV a, TV b);

    /// <summary>The smaller of a and b; NaN if either is NaN.</summary>
    static abstract TV Min(TV a, TV b);

    /// <summary>
    /// max(x, <paramref name="floor"/>) for a clamp: NaN stays NaN. Cheaper than <see cref="Max"/> on x86
    /// (one maxpd with x as the operand returned when either is NaN, instead of an IEEE fix-up sequence).
    /// </summary>
    static abstract TV AtLeast(TV x, double floor);

    /// <summary>|x|.</summary>
    static abstract TV Abs(TV x);


    /// <summary>Per lane: <paramref name="whenNegative"/> where x &lt; 0, else <paramref name="otherwise"/> (NaN is not &lt; 0).</summary>
    static abstract TV SelectWhereNegative(TV x, TV whenNegative, TV otherwise);

    /// <summary>
    /// 2^k from <paramref name="kd"/> = k + 1.5·2^52 (the rounding-magic form): the low bits of kd's
    /// representation hold k in two's complement, so shifting them into the exponent field builds 2^k
    /// without a float-to-integer conversion. Requires −1022 ≤ k ≤ 1023.
    /// </summary>
    static abstract TV Pow2FromMagic(TV kd);
}
