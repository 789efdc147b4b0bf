using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.Operators;

/// <summary>
/// RReLU's backward in training, dL/dx = g·noise, from the slopes the forward drew (1 where x &gt; 0): PyTorch's
/// rrelu_with_noise_backward, <c>grad_output.mul(noise)</c>. One rounding, and none where the slope is 1.
/// </summary>
internal readonly struct RReLUBackwardOperator : IBinaryOperator
{
    public static bool Vectorizable => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Invoke(float noise, float g) => g * noise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<float> Invoke(Vector128<float> noise, Vector128<float> g) => g * noise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Invoke(Vector256<float> noise, Vector256<float> g) => g * noise;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<float> Invoke(Vector512<float> noise, Vector512<float> g) => g * noise;
}
