using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// Hardtanh(x) = min(max(x, minVal), maxVal): exact (a selection, no arithmetic), NaN propagating, −0 kept inside the
/// bounds. ReLU6 is this operator at (0, 6), as in PyTorch.
/// </summary>
/// <param name="minVal">The lower bound.</param>
/// <param name="maxVal">The upper bound, at least <paramref name="minVal"/>.</param>
internal readonly struct HardtanhOperator(float minVal, float maxVal) : IUnaryOperator
{
    public static bool Vectorizable => true;

    // NOTE: PyTorch's clamp, min(max(x, lo), hi) with "lo > x ? lo : x": a NaN fails the compare and passes through,
    // and −0 stays −0 (ReLU6(−0) = −0 in PyTorch). That is exactly x86's maxps(lo, x) / minps(hi, y), which return
    // their second operand when the compare fails, so MaxNative / MinNative with x second is one instruction each;
    // the IEEE Vector128.Max would turn −0 into +0 against a bound of 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float x)
    {
        float atLeast = minVal > x ? minVal : x;
        return maxVal < atLeast ? maxVal : atLeast;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> x) =>
        Vector128.MinNative(Vector128.Create(maxVal), Vector128.MaxNative(Vector128.Create(minVal), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> x) =>
        Vector256.MinNative(Vector256.Create(maxVal), Vector256.MaxNative(Vector256.Create(minVal), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> x) =>
        Vector512.MinNative(Vector512.Create(maxVal), Vector512.MaxNative(Vector512.Create(minVal), x));
}
