using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>One double: the scalar twin of the vector lanes, used for tails and single values.</summary>
internal readonly struct ScalarLanes : IDoubleLanes<double>
{
    private const long OneBits = 0x3FF0_0000_0000_0000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Create(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double a, double b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double a, double b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double a, double b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double a, double b) => Math.Max(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Min(double a, double b) => Math.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AtLeast(double x, double floor) => Math.Max(floor, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Abs(double x) => Math.Abs(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SelectWhereNegative(double x, double whenNegative, double otherwise) => x < 0 ? whenNegative : otherwise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pow2FromMagic(double kd) => BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(kd) << 52) + OneBits);
}
