using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>ReLU(x) = max(0, x), NaN propagating.</summary>
internal readonly struct ReLUOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: the vector Max of .NET follows IEEE 754-2019 maximum: NaN in gives NaN out, and max(−0, +0)
    // is +0. A bare maxps instruction would return 0 for NaN, hiding it. Branchless either way: one
    // compare-and-select per vector, no misprediction when signs are random.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => float.IsNaN(x) ? x : (x > 0f ? x : 0f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);
}
