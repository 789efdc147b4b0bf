using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatLanes{TV}"/> over Vector512&lt;float&gt;.</summary>
internal readonly struct FloatLanes512 : IFloatLanes<Vector512<float>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Create(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> a, Vector512<float> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> a, Vector512<float> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> a, Vector512<float> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    // NOTE: MaxNative is maxps on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN, as in the scalar form.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> AtLeast(Vector512<float> x, float floor) => Vector512.MaxNative(Vector512.Create(floor), x);

    // NOTE: minps, like maxps, returns its second operand when either is NaN: x goes second.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> AtMost(Vector512<float> x, float ceiling) => Vector512.MinNative(Vector512.Create(ceiling), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NegativeAbs(Vector512<float> x) => x | Vector512.Create(-0.0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> CopySign(Vector512<float> x, Vector512<float> sign) =>
        Vector512.ConditionalSelect(Vector512.Create(-0.0f), sign, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SelectWhereBelow(Vector512<float> x, float limit, Vector512<float> whenTrue, Vector512<float> otherwise) =>
        Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(limit)), whenTrue, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelow(Vector512<float> x, float limit) => Vector512.LessThanAny(x, Vector512.Create(limit));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelowNegative(Vector512<float> x, float limit) =>
        Vector512.GreaterThanAny(x.AsUInt32(), Vector512.Create(BitConverter.SingleToUInt32Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pow2FromMagic(Vector512<float> kd) =>
        (Vector512.ShiftLeft(kd.AsInt32(), 23) + Vector512.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NegatedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAddNegated(a, b, c) : Vector512.FusedMultiplyAdd(-a, b, c);

    // NOTE: vpermps reads only the low four bits of each index lane, which are exactly n mod 16: one instruction
    // for the whole table (the table is its memory operand).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Lookup16(Vector512<float> kd, ReadOnlySpan<float> table) =>
        Avx512F.IsSupported
            ? Avx512F.PermuteVar16x32(Vector512.Create(table), kd.AsInt32())
            : Vector512.Create(FloatLanes256.Lookup16(kd.GetLower(), table), FloatLanes256.Lookup16(kd.GetUpper(), table));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pow2FromMagicOver16(Vector512<float> kd) =>
        (Vector512.ShiftLeft(Vector512.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector512.Create(0x3F80_0000)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Pow2FromMagicOver16Plus(Vector512<float> kd, int octaves) =>
        (Vector512.ShiftLeft(Vector512.ShiftRightLogical(kd.AsInt32(), 4), 23) + Vector512.Create(0x3F80_0000 + (octaves << 23))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Larger(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Smaller(Vector512<float> a, Vector512<float> b) => Vector512.MinNative(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NegatedMultiplySubtract(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplySubtractNegated(a, b, c) : Vector512.FusedMultiplyAdd(-a, b, -c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ScaleByPow2Over16(Vector512<float> x, Vector512<float> kd) =>
        (x.AsInt32() + (Vector512.ShiftLeft(kd.AsInt32(), 19) & Vector512.Create(unchecked((int)0xFF80_0000)))).AsSingle();
}
