using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary><see cref="IFloatMemoryLanes{TV}"/> over Vector512&lt;float&gt;.</summary>
internal readonly unsafe struct FloatMemoryLanes512 : IFloatMemoryLanes<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(float* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, float* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);

    // Halving: each step takes the larger of the two halves, so the largest lane ends up in lane 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaxAcross(Vector512<float> v)
    {
        Vector256<float> q = Vector256.MaxNative(v.GetLower(), v.GetUpper());
        Vector128<float> h = Vector128.MaxNative(q.GetLower(), q.GetUpper());
        h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(2, 3, 0, 1)));
        return Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(1, 0, 3, 2))).ToScalar();
    }
}
