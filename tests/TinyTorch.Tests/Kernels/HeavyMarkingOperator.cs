using System.Runtime.Intrinsics;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary><see cref="MarkingOperator"/> declared heavy, so the loop takes its one-copy path (ElementwiseLoop.Heavy.cs).</summary>
internal readonly struct HeavyMarkingOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public float Invoke(float x) => default(MarkingOperator).Invoke(x);

    public Vector128<float> Invoke(Vector128<float> x) => default(MarkingOperator).Invoke(x);

    public Vector256<float> Invoke(Vector256<float> x) => default(MarkingOperator).Invoke(x);

    public Vector512<float> Invoke(Vector512<float> x) => default(MarkingOperator).Invoke(x);
}
