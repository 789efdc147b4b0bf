using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>Two Vector512&lt;float&gt; computed side by side (<see cref="FloatLanes512Pair"/>): 32 floats.</summary>
internal readonly struct Vector512Pair
{
    /// <summary>Makes a pair.</summary>
    /// <param name="first">The first vector.</param>
    /// <param name="second">The second vector.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512Pair(Vector512<float> first, Vector512<float> second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The first vector.</summary>
    public Vector512<float> First { get; }

    /// <summary>The second vector.</summary>
    public Vector512<float> Second { get; }
}
