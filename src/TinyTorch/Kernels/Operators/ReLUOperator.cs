using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>ReLU(x) = max(0, x) with PyTorch's edges: NaN propagates, and ReLU(−0) = −0 (x is kept unless x &lt; 0).</summary>
internal readonly struct ReLUOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: "0 where x < 0, else x", not max(x, 0): PyTorch's relu returns its input unless it is below zero, so NaN
    // stays NaN and −0 stays −0 (torch.relu(torch.tensor(-0.0)) has the sign bit set). .NET's vector Max is IEEE
    // 754-2019 maximum, which gives +0 for max(−0, +0); a bare maxps would return 0 for NaN, hiding it. Branchless:
    // one compare and one and-not per vector, the same bits as the scalar body in every lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x) => x < 0f ? 0f : x;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) => Vector128.AndNot(x, Vector128.LessThan(x, Vector128<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) => Vector256.AndNot(x, Vector256.LessThan(x, Vector256<float>.Zero));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) => Vector512.AndNot(x, Vector512.LessThan(x, Vector512<float>.Zero));
}
