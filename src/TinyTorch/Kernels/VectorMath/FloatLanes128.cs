using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatLanes{TV}"/> over Vector128&lt;float&gt;.</summary>
internal readonly struct FloatLanes128 : IFloatLanes<Vector128<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Create(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> a, Vector128<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> a, Vector128<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> a, Vector128<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> a, Vector128<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) => Vector128.FusedMultiplyAdd(a, b, c);

    // NOTE: MaxNative is maxps on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN, as in the scalar form.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> AtLeast(Vector128<float> x, float floor) => Vector128.MaxNative(Vector128.Create(floor), x);

    // NOTE: minps, like maxps, returns its second operand when either is NaN: x goes second.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> AtMost(Vector128<float> x, float ceiling) => Vector128.MinNative(Vector128.Create(ceiling), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> NegativeAbs(Vector128<float> x) => x | Vector128.Create(-0.0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> CopySign(Vector128<float> x, Vector128<float> sign) =>
        Vector128.ConditionalSelect(Vector128.Create(-0.0f), sign, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SelectWhereBelow(Vector128<float> x, float limit, Vector128<float> whenTrue, Vector128<float> otherwise)
    {
        // NOTE: the compare mask is all-ones or all-zeros per lane, so blendvps (which reads only the sign bit)
        // selects exactly like the bitwise ConditionalSelect, in one instruction instead of three.
        Vector128<float> mask = Vector128.LessThan(x, Vector128.Create(limit));
        return Sse41.IsSupported ? Sse41.BlendVariable(otherwise, whenTrue, mask) : Vector128.ConditionalSelect(mask, whenTrue, otherwise);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelow(Vector128<float> x, float limit) => Vector128.LessThanAny(x, Vector128.Create(limit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelowNegative(Vector128<float> x, float limit) =>
        Vector128.GreaterThanAny(x.AsUInt32(), Vector128.Create(BitConverter.SingleToUInt32Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Pow2FromMagic(Vector128<float> kd) =>
        (Vector128.ShiftLeft(kd.AsInt32(), 23) + Vector128.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> NegatedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(a, b, c) : Vector128.FusedMultiplyAdd(-a, b, c);

    // NOTE: with AVX2 the 8-lane vpermps does the work (upper lanes of the widened index are don't-care), as in
    // FloatLanes256; otherwise lane by lane, the same entries.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Lookup16(Vector128<float> kd, ReadOnlySpan<float> table)
    {
        Vector128<int> index = kd.AsInt32();
        if (Avx2.IsSupported)
        {
            Vector256<int> wide = index.ToVector256Unsafe();
            Vector128<float> low = Avx2.PermuteVar8x32(Vector256.Create(table), wide).GetLower();
            Vector128<float> high = Avx2.PermuteVar8x32(Vector256.Create(table[8..]), wide).GetLower();
            return Sse41.BlendVariable(low, high, Vector128.ShiftLeft(index, 28).AsSingle());
        }

        return Vector128.Create(table[index[0] & 15], table[index[1] & 15], table[index[2] & 15], table[index[3] & 15]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Pow2FromMagicOver16(Vector128<float> kd) =>
        (Vector128.ShiftLeft(Vector128.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector128.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Pow2FromMagicOver16Plus(Vector128<float> kd, int octaves) =>
        (Vector128.ShiftLeft(Vector128.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector128.Create(0x3F80_0000 + (octaves << 23))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Larger(Vector128<float> a, Vector128<float> b) => Vector128.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Smaller(Vector128<float> a, Vector128<float> b) => Vector128.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> NegatedMultiplySubtract(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
        Fma.IsSupported ? Fma.MultiplySubtractNegated(a, b, c) : Vector128.FusedMultiplyAdd(-a, b, -c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ScaleByPow2Over16(Vector128<float> x, Vector128<float> kd) =>
        (x.AsInt32() + (Vector128.ShiftLeft(kd.AsInt32(), 19) & Vector128.Create(unchecked((int)0xFF80_0000)))).AsSingle();
}
