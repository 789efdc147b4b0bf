using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatMemoryLanes{TV}"/> over Vector256&lt;float&gt;.</summary>
internal readonly unsafe struct FloatMemoryLanes256 : IFloatMemoryLanes<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(float* source) => Vector256.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.MaxNative(a, b);

    // Halving: each step takes the larger of the two halves, so the largest lane ends up in lane 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector256<float> v)
    {
        Vector128<float> h = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(2, 3, 0, 1)));
        return Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(1, 0, 3, 2))).ToScalar();
    }
}
