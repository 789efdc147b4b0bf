using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>A Vector128 of doubles (2 lanes, SSE2 / NEON) as lanes for the vector math.</summary>
internal readonly struct Lanes128 : IDoubleLanes<Vector128<double>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> a, Vector128<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) => Vector128.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Max(Vector128<double> a, Vector128<double> b) => Vector128.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Min(Vector128<double> a, Vector128<double> b) => Vector128.Min(a, b);

    // NOTE: MaxNative is maxpd on x86, which returns its second operand when either is NaN; x goes second
    // so a NaN lane stays NaN (on Arm, fmax propagates NaN anyway). Same result as Math.Max(floor, x).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AtLeast(Vector128<double> x, double floor) => Vector128.MaxNative(Vector128.Create(floor), x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Abs(Vector128<double> x) => Vector128.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SelectWhereNegative(Vector128<double> x, Vector128<double> whenNegative, Vector128<double> otherwise) =>
        Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<double>.Zero), whenNegative, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Pow2FromMagic(Vector128<double> kd) =>
        (Vector128.ShiftLeft(kd.AsInt64(), 52) + Vector128.Create(0x3FF0_0000_0000_0000L)).AsDouble();
}
