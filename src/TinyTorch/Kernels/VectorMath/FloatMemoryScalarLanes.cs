using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatMemoryLanes{TV}"/> over a single float.</summary>
internal readonly unsafe struct FloatMemoryScalarLanes : IFloatMemoryLanes<float>
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load(float* source) => *source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float value, float* destination) => *destination = value;

    // NOTE: written as maxps behaves (a > b ? a : b), not Math.Max, only so that it is cheap; NaN is caught elsewhere.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float a, float b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(float v) => v;
}
