using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>A Vector256 of doubles (4 lanes, AVX2) as lanes for the vector math.</summary>
internal readonly struct Lanes256 : IDoubleLanes<Vector256<double>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Min(Vector256<double> a, Vector256<double> b) => Vector256.Min(a, b);

    // NOTE: MaxNative is maxpd on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN (on Arm, fmax propagates NaN anyway). Same result as Math.Max(floor, x).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AtLeast(Vector256<double> x, double floor) => Vector256.MaxNative(Vector256.Create(floor), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Abs(Vector256<double> x) => Vector256.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SelectWhereNegative(Vector256<double> x, Vector256<double> whenNegative, Vector256<double> otherwise) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), whenNegative, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Pow2FromMagic(Vector256<double> kd) =>
        (Vector256.ShiftLeft(kd.AsInt64(), 52) + Vector256.Create(0x3FF0_0000_0000_0000L)).AsDouble();
}
