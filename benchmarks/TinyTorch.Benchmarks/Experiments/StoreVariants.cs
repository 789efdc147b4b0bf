using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// Stand-alone AVX2 loops for the store-strategy experiment: the same shape as the library's element-wise
/// loop (overlapping head and tail vectors loaded before any store), with regular or non-temporal stores
/// and a 2× or 4× unroll, so the variants differ in exactly one thing.
/// </summary>
internal static unsafe class StoreVariants
{
    /// <summary>y[i] = f(x[i]) over n ≥ 8 floats.</summary>
    /// <param name="x">The input.</param>
    /// <param name="y">The output; may equal <paramref name="x"/>.</param>
    /// <param name="n">The element count, at least 8.</param>
    /// <param name="nonTemporal">Non-temporal stores in the main loop (its destination 32-byte aligned).</param>
    /// <param name="unroll">2 or 4 vectors per iteration.</param>
    /// <typeparam name="TF">The function.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TF>(float* x, float* y, nint n, bool nonTemporal, int unroll)
        where TF : IVectorFunction
    {
        Vector256<float> head = Avx.LoadVector256(x);
        Vector256<float> tail = Avx.LoadVector256(x + n - 8);
        nint i = 0;
        if (nonTemporal)
        {
            // The first index whose destination is 32-byte aligned; the head vector covers what precedes it.
            i = ((32 - ((nint)y & 31)) & 31) / sizeof(float);
            for (; i + 32 <= n; i += 32)
            {
                Vector256<float> v0 = Avx.LoadVector256(x + i), v1 = Avx.LoadVector256(x + i + 8);
                Vector256<float> v2 = Avx.LoadVector256(x + i + 16), v3 = Avx.LoadVector256(x + i + 24);
                Avx.StoreAlignedNonTemporal(y + i, TF.Apply(v0));
                Avx.StoreAlignedNonTemporal(y + i + 8, TF.Apply(v1));
                Avx.StoreAlignedNonTemporal(y + i + 16, TF.Apply(v2));
                Avx.StoreAlignedNonTemporal(y + i + 24, TF.Apply(v3));
            }
        }
        else if (unroll == 4)
        {
            for (; i + 32 <= n; i += 32)
            {
                Vector256<float> v0 = Avx.LoadVector256(x + i), v1 = Avx.LoadVector256(x + i + 8);
                Vector256<float> v2 = Avx.LoadVector256(x + i + 16), v3 = Avx.LoadVector256(x + i + 24);
                Avx.Store(y + i, TF.Apply(v0));
                Avx.Store(y + i + 8, TF.Apply(v1));
                Avx.Store(y + i + 16, TF.Apply(v2));
                Avx.Store(y + i + 24, TF.Apply(v3));
            }
        }
        else
        {
            for (; i + 16 <= n; i += 16)
            {
                Vector256<float> v0 = Avx.LoadVector256(x + i), v1 = Avx.LoadVector256(x + i + 8);
                Avx.Store(y + i, TF.Apply(v0));
                Avx.Store(y + i + 8, TF.Apply(v1));
            }
        }

        for (; i + 8 <= n; i += 8)
        {
            Avx.Store(y + i, TF.Apply(Avx.LoadVector256(x + i)));
        }

        Avx.Store(y, TF.Apply(head));
        Avx.Store(y + n - 8, TF.Apply(tail));
        if (nonTemporal)
        {
            Sse.StoreFence();   // non-temporal stores are weakly ordered: publish them before returning
        }
    }
}

/// <summary>A function of one vector, for <see cref="StoreVariants"/>.</summary>
internal interface IVectorFunction
{
    /// <summary>f of 8 floats.</summary>
    static abstract Vector256<float> Apply(Vector256<float> x);
}

/// <summary>max(x, 0).</summary>
internal readonly struct ReLUFunction : IVectorFunction
{
    public static Vector256<float> Apply(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);
}

/// <summary>x itself: the loop becomes a copy.</summary>
internal readonly struct CopyFunction : IVectorFunction
{
    public static Vector256<float> Apply(Vector256<float> x) => x;
}
