using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>A Vector512 of doubles (8 lanes, AVX-512) as lanes for the vector math.</summary>
internal readonly struct Lanes512 : IDoubleLanes<Vector512<double>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Create(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Max(Vector512<double> a, Vector512<double> b) => Vector512.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Min(Vector512<double> a, Vector512<double> b) => Vector512.Min(a, b);

    // NOTE: MaxNative is maxpd on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN (on Arm, fmax propagates NaN anyway). Same result as Math.Max(floor, x).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AtLeast(Vector512<double> x, double floor) => Vector512.MaxNative(Vector512.Create(floor), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Abs(Vector512<double> x) => Vector512.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SelectWhereNegative(Vector512<double> x, Vector512<double> whenNegative, Vector512<double> otherwise) =>
        Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<double>.Zero), whenNegative, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Pow2FromMagic(Vector512<double> kd) =>
        (Vector512.ShiftLeft(kd.AsInt64(), 52) + Vector512.Create(0x3FF0_0000_0000_0000L)).AsDouble();
}
