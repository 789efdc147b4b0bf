using System.Runtime.Intrinsics;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>
/// f(a, b) = a + 2b: exact on small integers; in place over a or b, a second visit of an element changes it again,
/// so a loop that recomputes an already-written element from its new value is caught.
/// </summary>
internal readonly struct MarkingBinaryOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    public float Invoke(float a, float b) => a + (2f * b);

    public Vector128<float> Invoke(Vector128<float> a, Vector128<float> b) => a + (b + b);

    public Vector256<float> Invoke(Vector256<float> a, Vector256<float> b) => a + (b + b);

    public Vector512<float> Invoke(Vector512<float> a, Vector512<float> b) => a + (b + b);
}
