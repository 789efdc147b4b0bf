using System.Runtime.Intrinsics;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// f(x) = 2x + 1, a test operator that marks what the loop did: on small integers it is exact, an element
/// never visited keeps its old value, and an element visited twice in place becomes f(f(x)) = 4x + 3.
/// </summary>
internal readonly struct MarkingOperator : IUnaryOperator
{
    public static bool Vectorizable => true;

    public float Invoke(float x) => (2f * x) + 1f;

    public Vector128<float> Invoke(Vector128<float> x) => (x + x) + Vector128<float>.One;

    public Vector256<float> Invoke(Vector256<float> x) => (x + x) + Vector256<float>.One;

    public Vector512<float> Invoke(Vector512<float> x) => (x + x) + Vector512<float>.One;
}
