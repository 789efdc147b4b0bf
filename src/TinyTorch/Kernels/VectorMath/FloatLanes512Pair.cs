using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatLanes{TV}"/> over two Vector512&lt;float&gt; at once, one operation after the other.</summary>
/// <remarks>
/// Each operation is <see cref="FloatLanes512"/>'s, applied to both vectors, so the bits are those of the single
/// width. What changes is the instruction order: the two vectors' instructions alternate, so the core has two
/// independent dependency chains in a window of the same size. For heavy bodies (an exponential and a division) whose
/// one-vector loop is bound by how many not-yet-ready instructions the scheduler can hold rather than by the execution
/// units, that is measured to be about 10 % faster (sigmoid; <see cref="ElementwiseLoop"/>'s heavy loop).
/// </remarks>
internal readonly struct FloatLanes512Pair : IFloatLanes<Vector512Pair>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Create(float value) =>
        new(FloatLanes512.Create(value), FloatLanes512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Add(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Add(a.First, b.First), FloatLanes512.Add(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Subtract(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Subtract(a.First, b.First), FloatLanes512.Subtract(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Multiply(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Multiply(a.First, b.First), FloatLanes512.Multiply(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Divide(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Divide(a.First, b.First), FloatLanes512.Divide(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair MultiplyAdd(Vector512Pair a, Vector512Pair b, Vector512Pair c) =>
        new(FloatLanes512.MultiplyAdd(a.First, b.First, c.First), FloatLanes512.MultiplyAdd(a.Second, b.Second, c.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair AtLeast(Vector512Pair x, float floor) =>
        new(FloatLanes512.AtLeast(x.First, floor), FloatLanes512.AtLeast(x.Second, floor));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair AtMost(Vector512Pair x, float ceiling) =>
        new(FloatLanes512.AtMost(x.First, ceiling), FloatLanes512.AtMost(x.Second, ceiling));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair NegativeAbs(Vector512Pair x) =>
        new(FloatLanes512.NegativeAbs(x.First), FloatLanes512.NegativeAbs(x.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair CopySign(Vector512Pair x, Vector512Pair sign) =>
        new(FloatLanes512.CopySign(x.First, sign.First), FloatLanes512.CopySign(x.Second, sign.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair SelectWhereBelow(Vector512Pair x, float limit, Vector512Pair whenTrue, Vector512Pair otherwise) =>
        new(FloatLanes512.SelectWhereBelow(x.First, limit, whenTrue.First, otherwise.First), FloatLanes512.SelectWhereBelow(x.Second, limit, whenTrue.Second, otherwise.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelow(Vector512Pair x, float limit) => FloatLanes512.AnyBelow(x.First, limit) | FloatLanes512.AnyBelow(x.Second, limit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyBelowNegative(Vector512Pair x, float limit) =>
        Vector512.GreaterThanAny(Vector512.Max(x.First.AsUInt32(), x.Second.AsUInt32()), Vector512.Create(BitConverter.SingleToUInt32Bits(limit)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Pow2FromMagic(Vector512Pair kd) =>
        new(FloatLanes512.Pow2FromMagic(kd.First), FloatLanes512.Pow2FromMagic(kd.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair NegatedMultiplyAdd(Vector512Pair a, Vector512Pair b, Vector512Pair c) =>
        new(FloatLanes512.NegatedMultiplyAdd(a.First, b.First, c.First), FloatLanes512.NegatedMultiplyAdd(a.Second, b.Second, c.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Lookup16(Vector512Pair kd, ReadOnlySpan<float> table) =>
        new(FloatLanes512.Lookup16(kd.First, table), FloatLanes512.Lookup16(kd.Second, table));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Pow2FromMagicOver16(Vector512Pair kd) =>
        new(FloatLanes512.Pow2FromMagicOver16(kd.First), FloatLanes512.Pow2FromMagicOver16(kd.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Pow2FromMagicOver16Plus(Vector512Pair kd, int octaves) =>
        new(FloatLanes512.Pow2FromMagicOver16Plus(kd.First, octaves), FloatLanes512.Pow2FromMagicOver16Plus(kd.Second, octaves));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Larger(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Larger(a.First, b.First), FloatLanes512.Larger(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair Smaller(Vector512Pair a, Vector512Pair b) =>
        new(FloatLanes512.Smaller(a.First, b.First), FloatLanes512.Smaller(a.Second, b.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair NegatedMultiplySubtract(Vector512Pair a, Vector512Pair b, Vector512Pair c) =>
        new(FloatLanes512.NegatedMultiplySubtract(a.First, b.First, c.First), FloatLanes512.NegatedMultiplySubtract(a.Second, b.Second, c.Second));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512Pair ScaleByPow2Over16(Vector512Pair x, Vector512Pair kd) =>
        new(FloatLanes512.ScaleByPow2Over16(x.First, kd.First), FloatLanes512.ScaleByPow2Over16(x.Second, kd.Second));
}
