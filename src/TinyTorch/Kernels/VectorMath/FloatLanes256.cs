using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatLanes{TV}"/> over Vector256&lt;float&gt;.</summary>
internal readonly struct FloatLanes256 : IFloatLanes<Vector256<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Create(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> a, Vector256<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> a, Vector256<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> a, Vector256<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Vector256.FusedMultiplyAdd(a, b, c);

    // NOTE: MaxNative is maxps on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN, as in the scalar form.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> AtLeast(Vector256<float> x, float floor) => Vector256.MaxNative(Vector256.Create(floor), x);

    // NOTE: minps, like maxps, returns its second operand when either is NaN: x goes second.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> AtMost(Vector256<float> x, float ceiling) => Vector256.MinNative(Vector256.Create(ceiling), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NegativeAbs(Vector256<float> x) => x | Vector256.Create(-0.0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> CopySign(Vector256<float> x, Vector256<float> sign) =>
        Vector256.ConditionalSelect(Vector256.Create(-0.0f), sign, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SelectWhereBelow(Vector256<float> x, float limit, Vector256<float> whenTrue, Vector256<float> otherwise)
    {
        // NOTE: the compare mask is all-ones or all-zeros per lane, so blendvps (which reads only the sign bit)
        // selects exactly like the bitwise ConditionalSelect, in one instruction instead of three.
        Vector256<float> mask = Vector256.LessThan(x, Vector256.Create(limit));
        return Avx.IsSupported ? Avx.BlendVariable(otherwise, whenTrue, mask) : Vector256.ConditionalSelect(mask, whenTrue, otherwise);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelow(Vector256<float> x, float limit) => Vector256.LessThanAny(x, Vector256.Create(limit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelowNegative(Vector256<float> x, float limit) =>
        Vector256.GreaterThanAny(x.AsUInt32(), Vector256.Create(BitConverter.SingleToUInt32Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Pow2FromMagic(Vector256<float> kd) =>
        (Vector256.ShiftLeft(kd.AsInt32(), 23) + Vector256.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NegatedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : Vector256.FusedMultiplyAdd(-a, b, c);

    // NOTE: vpermps on 8 lanes reads the low three index bits: one permute per half of the table, and bit 3
    // (shifted up into the sign bit, which is all blendvps reads) picks the half.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Lookup16(Vector256<float> kd, ReadOnlySpan<float> table)
    {
        if (Avx2.IsSupported)
        {
            Vector256<int> index = kd.AsInt32();
            Vector256<float> low = Avx2.PermuteVar8x32(Vector256.Create(table), index);
            Vector256<float> high = Avx2.PermuteVar8x32(Vector256.Create(table[8..]), index);
            return Avx.BlendVariable(low, high, Vector256.ShiftLeft(index, 28).AsSingle());
        }

        return Vector256.Create(FloatLanes128.Lookup16(kd.GetLower(), table), FloatLanes128.Lookup16(kd.GetUpper(), table));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Pow2FromMagicOver16(Vector256<float> kd) =>
        (Vector256.ShiftLeft(Vector256.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector256.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Pow2FromMagicOver16Plus(Vector256<float> kd, int octaves) =>
        (Vector256.ShiftLeft(Vector256.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector256.Create(0x3F80_0000 + (octaves << 23))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Larger(Vector256<float> a, Vector256<float> b) => Vector256.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Smaller(Vector256<float> a, Vector256<float> b) => Vector256.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> NegatedMultiplySubtract(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplySubtractNegated(a, b, c) : Vector256.FusedMultiplyAdd(-a, b, -c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ScaleByPow2Over16(Vector256<float> x, Vector256<float> kd) =>
        (x.AsInt32() + (Vector256.ShiftLeft(kd.AsInt32(), 19) & Vector256.Create(unchecked((int)0xFF80_0000)))).AsSingle();
}
