using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// dL/dx = g strictly inside (minVal, maxVal), 0 elsewhere: PyTorch's hardtanh_backward, so the gradient is 0 at the
/// bounds themselves and for a NaN input. The forward's output serves as well as its input: y = x inside the open
/// interval and y is a bound (or NaN) outside it, so both give the same mask, which lets the module save its output.
/// </summary>
/// <param name="minVal">The lower bound.</param>
/// <param name="maxVal">The upper bound.</param>
internal readonly struct HardtanhBackwardOperator(float minVal, float maxVal) : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float saved, float g) => saved > minVal && saved < maxVal ? g : 0f;

    // NOTE: a mask AND: the compares are all-ones lanes strictly inside and false for NaN, so g or +0 comes out.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> saved, Vector128<float> g) =>
        Vector128.GreaterThan(saved, Vector128.Create(minVal)) & Vector128.LessThan(saved, Vector128.Create(maxVal)) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> saved, Vector256<float> g) =>
        Vector256.GreaterThan(saved, Vector256.Create(minVal)) & Vector256.LessThan(saved, Vector256.Create(maxVal)) & g;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> saved, Vector512<float> g) =>
        Vector512.GreaterThan(saved, Vector512.Create(minVal)) & Vector512.LessThan(saved, Vector512.Create(maxVal)) & g;
}
