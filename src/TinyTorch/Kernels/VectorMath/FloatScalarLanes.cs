using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatLanes{TV}"/> over a single float: the reference every vector width must match bit for bit.</summary>
internal readonly struct FloatScalarLanes : IFloatLanes<float>
{
    private const int SignBit = int.MinValue;
    private const int OneBits = 0x3F80_0000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Create(float value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float a, float b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Subtract(float a, float b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float a, float b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Divide(float a, float b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyAdd(float a, float b, float c) => float.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AtLeast(float x, float floor) => Math.Max(floor, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AtMost(float x, float ceiling) => Math.Min(ceiling, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NegativeAbs(float x) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) | SignBit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CopySign(float x, float sign) => MathF.CopySign(x, sign);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SelectWhereBelow(float x, float limit, float whenTrue, float otherwise) => x < limit ? whenTrue : otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelow(float x, float limit) => x < limit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelowNegative(float x, float limit) => BitConverter.SingleToUInt32Bits(x) > BitConverter.SingleToUInt32Bits(limit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow2FromMagic(float kd) => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(kd) << 23) + OneBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NegatedMultiplyAdd(float a, float b, float c) => float.FusedMultiplyAdd(-a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Lookup16(float kd, ReadOnlySpan<float> table) => table[BitConverter.SingleToInt32Bits(kd) & 15];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow2FromMagicOver16(float kd) =>
        BitConverter.Int32BitsToSingle(((BitConverter.SingleToInt32Bits(kd) >> 4) << 23) + OneBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Pow2FromMagicOver16Plus(float kd, int octaves) =>
        BitConverter.Int32BitsToSingle(((BitConverter.SingleToInt32Bits(kd) >> 4) << 23) + OneBits + (octaves << 23));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Larger(float a, float b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Smaller(float a, float b) => a < b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float NegatedMultiplySubtract(float a, float b, float c) => float.FusedMultiplyAdd(-a, b, -c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ScaleByPow2Over16(float x, float kd) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) + ((BitConverter.SingleToInt32Bits(kd) << 19) & unchecked((int)0xFF80_0000)));
}
