using System.Runtime.Intrinsics;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary><see cref="MarkingBinaryOperator"/> declared heavy, so the loop takes its one-copy path (ElementwiseLoop.Heavy.cs).</summary>
internal readonly struct HeavyMarkingBinaryOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    public static bool Unroll => false;

    public float Invoke(float a, float b) => default(MarkingBinaryOperator).Invoke(a, b);

    public Vector128<float> Invoke(Vector128<float> a, Vector128<float> b) => default(MarkingBinaryOperator).Invoke(a, b);

    public Vector256<float> Invoke(Vector256<float> a, Vector256<float> b) => default(MarkingBinaryOperator).Invoke(a, b);

    public Vector512<float> Invoke(Vector512<float> a, Vector512<float> b) => default(MarkingBinaryOperator).Invoke(a, b);
}
