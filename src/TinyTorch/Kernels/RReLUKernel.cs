using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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

    // SplitMix64's increment (SplitMix64.cs): the vector bodies step the Weyl sequence themselves.
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(float* x, float* y, float* noise, float lower, float upper, ulong seed, int start, int end)
    {
        double width = (double)upper - lower;
        int i = start;
        if (Vector512.IsHardwareAccelerated)
        {
            i = Run512(x, y, noise, lower, upper, width, seed, i, end);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            i = Run256(x, y, noise, lower, upper, width, seed, i, end);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            i = Run128(x, y, noise, lower, upper, width, seed, i, end);
        }

        for (; i < end; i++)
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

    // The vector bodies draw for every lane (a positive lane's draw is thrown away) and give the scalar loop's bits:
    // SplitMix64's state for element i is seed + (i + 1)·γ, the mix is exact integer arithmetic, the top 53 bits
    // convert to double exactly, and lower + width·u, the clamp and the rounding to float are the same IEEE operations.

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Run512(float* x, float* y, float* noise, float lower, float upper, double width, ulong seed, int i, int end)
    {
        const int N = 16;
        Vector512<ulong> lanes = Vector512.Create(1UL, 2, 3, 4, 5, 6, 7, 8);
        Vector512<ulong> lo = Vector512.Create(seed + ((ulong)i * Gamma)) + (lanes * Gamma);
        Vector512<ulong> hi = lo + Vector512.Create(unchecked(8 * Gamma)), step = Vector512.Create(unchecked(N * Gamma));
        Vector512<double> l = Vector512.Create((double)lower), w = Vector512.Create(width), u = Vector512.Create((double)upper);
        for (; i <= end - N; i += N)
        {
            Vector512<float> slope = Vector512.Narrow(
                Vector512.Min(l + (w * Unit(Mix(lo))), u),
                Vector512.Min(l + (w * Unit(Mix(hi))), u));
            Vector512<float> xv = Vector512.Load(x + i);
            Vector512<float> r = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(xv, Vector512<float>.Zero), slope, Vector512<float>.One);
            Vector512.Store(r, noise + i);
            Vector512.Store(xv * r, y + i);
            lo += step;
            hi += step;
        }

        return i;

        static Vector512<ulong> Mix(Vector512<ulong> z)
        {
            z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
            return z ^ Vector512.ShiftRightLogical(z, 31);
        }

        static Vector512<double> Unit(Vector512<ulong> bits) =>
            Vector512.ConvertToDouble(Vector512.ShiftRightLogical(bits, 11)) * (1.0 / (1UL << 53));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Run256(float* x, float* y, float* noise, float lower, float upper, double width, ulong seed, int i, int end)
    {
        const int N = 8;
        Vector256<ulong> lanes = Vector256.Create(1UL, 2, 3, 4);
        Vector256<ulong> lo = Vector256.Create(seed + ((ulong)i * Gamma)) + (lanes * Gamma);
        Vector256<ulong> hi = lo + Vector256.Create(unchecked(4 * Gamma)), step = Vector256.Create(unchecked(N * Gamma));
        Vector256<double> l = Vector256.Create((double)lower), w = Vector256.Create(width), u = Vector256.Create((double)upper);
        for (; i <= end - N; i += N)
        {
            Vector256<float> slope = Vector256.Narrow(
                Vector256.Min(l + (w * Unit(Mix(lo))), u),
                Vector256.Min(l + (w * Unit(Mix(hi))), u));
            Vector256<float> xv = Vector256.Load(x + i);
            Vector256<float> r = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(xv, Vector256<float>.Zero), slope, Vector256<float>.One);
            Vector256.Store(r, noise + i);
            Vector256.Store(xv * r, y + i);
            lo += step;
            hi += step;
        }

        return i;

        static Vector256<ulong> Mix(Vector256<ulong> z)
        {
            z = (z ^ Vector256.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ Vector256.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
            return z ^ Vector256.ShiftRightLogical(z, 31);
        }

        static Vector256<double> Unit(Vector256<ulong> bits) =>
            Vector256.ConvertToDouble(Vector256.ShiftRightLogical(bits, 11)) * (1.0 / (1UL << 53));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Run128(float* x, float* y, float* noise, float lower, float upper, double width, ulong seed, int i, int end)
    {
        const int N = 4;
        Vector128<ulong> lanes = Vector128.Create(1UL, 2);
        Vector128<ulong> lo = Vector128.Create(seed + ((ulong)i * Gamma)) + (lanes * Gamma);
        Vector128<ulong> hi = lo + Vector128.Create(unchecked(2 * Gamma)), step = Vector128.Create(unchecked(N * Gamma));
        Vector128<double> l = Vector128.Create((double)lower), w = Vector128.Create(width), u = Vector128.Create((double)upper);
        for (; i <= end - N; i += N)
        {
            Vector128<float> slope = Vector128.Narrow(
                Vector128.Min(l + (w * Unit(Mix(lo))), u),
                Vector128.Min(l + (w * Unit(Mix(hi))), u));
            Vector128<float> xv = Vector128.Load(x + i);
            Vector128<float> r = Vector128.ConditionalSelect(Vector128.LessThanOrEqual(xv, Vector128<float>.Zero), slope, Vector128<float>.One);
            Vector128.Store(r, noise + i);
            Vector128.Store(xv * r, y + i);
            lo += step;
            hi += step;
        }

        return i;

        static Vector128<ulong> Mix(Vector128<ulong> z)
        {
            z = (z ^ Vector128.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ Vector128.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
            return z ^ Vector128.ShiftRightLogical(z, 31);
        }

        static Vector128<double> Unit(Vector128<ulong> bits) =>
            Vector128.ConvertToDouble(Vector128.ShiftRightLogical(bits, 11)) * (1.0 / (1UL << 53));
    }

    /// <summary>lower + (upper − lower)·u for u in [0, 1), in double, rounded once to float: always in [lower, upper].</summary>
    /// <remarks>
    /// NOTE: upper − lower is exact in double unless the bounds are 2^29 times apart in size; when it is not, the sum
    /// may land just above upper, so it is clamped there before the rounding. Rounding to float is monotone and both
    /// bounds are floats, so the float stays in [lower, upper].
    /// </remarks>
    internal static float Slope(double u, float lower, float upper, double width) => (float)Math.Min(lower + (width * u), upper);
}
