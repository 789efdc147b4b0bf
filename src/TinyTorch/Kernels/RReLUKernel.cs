using TinyTorch.Core;

namespace TinyTorch.Kernels;

/// <summary>
/// RReLU's training forward: each element with x ≤ 0 gets a slope drawn uniformly from [lower, upper], every other
/// element (x &gt; 0, NaN) the slope 1, as PyTorch's _rrelu_with_noise_train. Callers validate first
/// (<see cref="ActivationKernels.RReLU(ReadOnlySpan{float}, Span{float}, Span{float}, float, float, ulong)"/>).
/// </summary>
/// <remarks>
/// Element i's slope comes from draw i of a <see cref="SplitMix64"/> stream seeded with the call's seed, whether or
/// not the elements before it drew: a function of (seed, i) alone, so blocks can run on any thread in any order and
/// the noise is the same for every thread count. (PyTorch draws only for the negative elements, one after another.)
/// </remarks>
internal static unsafe class RReLUKernel
{
    /// <summary>The elements of one unit of work.</summary>
    internal const int BlockLength = 4096;

    public static void Training(ReadOnlySpan<float> x, Span<float> y, Span<float> noise, float lower, float upper, ulong seed)
    {
        int n = x.Length;
        if (n == 0)
        {
            return;
        }

        int blocks = (n + BlockLength - 1) / BlockLength;
        fixed (float* px = x, py = y, pn = noise)
        {
            if (ParallelRunner.ThreadsFor(ParallelRunner.Work(n, light: false)) <= 1 || blocks == 1)
            {
                Run(px, py, pn, lower, upper, seed, 0, n);
            }
            else
            {
                OnThreads(px, py, pn, n, blocks, lower, upper, seed);
            }
        }
    }

    // NOTE: in a method of its own so a single-threaded call allocates no closure (ParallelRunner.cs).
    private static void OnThreads(float* x, float* y, float* noise, int n, int blocks, float lower, float upper, ulong seed)
    {
        nint xs = (nint)x, ys = (nint)y, ns = (nint)noise;
        ParallelRunner.ForRanges(blocks, (long)BlockLength * ParallelRunner.HeavyElementWeight, (first, end) =>
            Run((float*)xs, (float*)ys, (float*)ns, lower, upper, seed, first * BlockLength, (int)Math.Min(n, (long)end * BlockLength)));
    }

    private static void Run(float* x, float* y, float* noise, float lower, float upper, ulong seed, int start, int end)
    {
        double width = (double)upper - lower;
        for (int i = start; i < end; i++)
        {
            float xi = x[i];
            float r = 1f;
            if (xi <= 0f)
            {
                r = Slope(SplitMix64.After(seed, (ulong)i).NextDouble(), lower, upper, width);
            }

            noise[i] = r;
            y[i] = xi * r;
        }
    }

    /// <summary>lower + (upper − lower)·u for u in [0, 1), in double, rounded once to float: always in [lower, upper].</summary>
    /// <remarks>
    /// NOTE: upper − lower is exact in double unless the bounds are 2^29 times apart in size; when it is not, the sum
    /// may land just above upper, so it is clamped there before the rounding. Rounding to float is monotone and both
    /// bounds are floats, so the float stays in [lower, upper].
    /// </remarks>
    internal static float Slope(double u, float lower, float upper, double width) => (float)Math.Min(lower + (width * u), upper);
}
