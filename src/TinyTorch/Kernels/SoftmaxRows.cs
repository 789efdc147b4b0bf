using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>Softmax of one contiguous row (the last dimension) in float lanes: the row path of <see cref="SoftmaxKernel"/>.</summary>
/// <remarks>
/// <para>Three passes: the maximum m; 2^32·e^(x − m′) rounded into the output while summing the unrounded terms; the output
/// multiplied in place by the reciprocal of the sum, carried as a float pair. The math and its error bound (≤ 1.55 ULP)
/// are <see cref="FloatSoftmaxRow"/>'s. A row that fits in cache (65 536 floats and their outputs are 512 KiB, within
/// L2) is read from memory once, and its output written once.</para>
/// <para>The sum runs in 16 lanes, element i in lane i mod 16, whatever the vector width. The partial row after the
/// last whole block is padded with −∞ (which adds exactly 0) and summed as a block of its own. The lanes' sums are then
/// added pairwise in a fixed order. So the result depends on the row alone, never on the width, the thread or where
/// the row begins.</para>
/// <para>NOTE: streaming stores for large outputs (the terms in a scratch row that stays in cache, y written once by pass
/// 3, bypassing the caches: no read-for-ownership of y) measured slower here, 0.66 vs 0.44 ns/element on 4096 × 1024 and
/// 0.52 vs 0.41 on 256 × 65 536, one thread (median of 31, interleaved), so the output is stored plainly, once by pass 2
/// and again by pass 3 while the row is still in cache. Prefetching the next row during pass 2 is what paid (see
/// <see cref="Exponentials"/>). At 512 bits pass 2 runs two vectors at a time, their instructions interleaved
/// (<see cref="ExponentialsPaired"/>): 32 × 1000 about 10 % faster on one thread, the rows that stream from memory
/// unchanged (interleaved A/B, Zen 5).</para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxRows
{
    private const int Lanes = 16;

    /// <summary>The longest row that is pipelined (see <see cref="Forward"/>): 32 KiB, so two rows' data stay in cache.</summary>
    private const int PipelinedLength = 8192;

    /// <summary>
    /// Softmax of <paramref name="rows"/> consecutive rows of <paramref name="n"/> floats at x into y (y may be x), with
    /// vectors of TV (4, 8 or 16 floats).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TV, TL, TM>(float* x, float* y, int rows, int n)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        // Software pipelining (rows up to 32 KiB): row r + 1's maximum is found, and row r − 1 scaled, after row r's
        // exponentials, so neither the chain of latencies from a row's last exponential to its divisor (the lanes'
        // sums, a division) nor the one from a maximum to the first exponential stalls the core.
        bool pipelined = n <= PipelinedLength;
        double* sums = stackalloc double[Lanes];
        float* block = stackalloc float[2 * Lanes];
        float max = rows > 0 ? Max<TV, TM>(x, n) : 0;
        double previous = 0;
        for (int r = 0; r < rows; r++)
        {
            float* xr = x + ((long)r * n);
            double sum = Sum<TV, TL, TM>(xr, y + ((long)r * n), n, max, sums, block);
            max = r + 1 < rows ? Max<TV, TM>(xr + n, n) : 0;
            if (!pipelined)
            {
                Finish<TV, TL, TM>(y + ((long)r * n), n, sum);
                continue;
            }

            if (r > 0)
            {
                Finish<TV, TL, TM>(y + ((long)(r - 1) * n), n, previous);
            }

            previous = sum;
        }

        if (pipelined && rows > 0)
        {
            Finish<TV, TL, TM>(y + ((long)(rows - 1) * n), n, previous);
        }
    }

    /// <summary>Pass 3 of a row: the scaling, or a NaN row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TV, TL, TM>(float* y, int n, double sum)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        // NOTE: a NaN anywhere, a +∞ (∞ − ∞) or an all-−∞ row: the maximum is not finite, or (a NaN the vector
        // maximum passed over) the sum is NaN.
        if (double.IsFinite(sum))
        {
            Scale<TV, TL, TM>(y, n, sum);
        }
        else
        {
            new Span<float>(y, n).Fill(float.NaN);
        }
    }

    /// <summary>The row's maximum: exact when the row holds no NaN (with a NaN, any value; the sum catches it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Max<TV, TM>(float* x, int n)
        where TV : struct
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        int i = 0;
        float max = float.NegativeInfinity;
        if (n >= w)
        {
            // Four independent chains: maxps has a latency of several cycles and a throughput of two a cycle.
            TV m0 = TM.Load(x), m1 = m0, m2 = m0, m3 = m0;
            for (; i + (4 * w) <= n; i += 4 * w)
            {
                m0 = TM.Max(m0, TM.Load(x + i));
                m1 = TM.Max(m1, TM.Load(x + i + w));
                m2 = TM.Max(m2, TM.Load(x + i + (2 * w)));
                m3 = TM.Max(m3, TM.Load(x + i + (3 * w)));
            }

            for (; i + w <= n; i += w)
            {
                m0 = TM.Max(m0, TM.Load(x + i));
            }

            // The last elements in a vector that overlaps the one before: the maximum does not mind seeing some twice.
            if (i < n)
            {
                m1 = TM.Max(m1, TM.Load(x + n - w));
            }

            return TM.MaxAcross(TM.Max(TM.Max(m0, m1), TM.Max(m2, m3)));
        }

        for (; i < n; i++)
        {
            max = Math.Max(max, x[i]);
        }

        return max;
    }

    /// <summary>
    /// 2^32·e^(x − m′) rounded into y (m′ from <paramref name="max"/>, see <see cref="FloatSoftmaxRow"/>), and the sum of the
    /// unrounded terms (NaN where the row is to be NaN); <paramref name="sums"/> and <paramref name="block"/> are scratch
    /// of 16 doubles and 32 floats. <see cref="LogSoftmaxRows"/> calls it too, with y a scratch row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Sum<TV, TL, TM>(float* x, float* y, int n, float max, double* sums, float* block)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        if (!float.IsFinite(max))
        {
            return double.NaN;
        }

        (float shift, float magic, float floor) = FloatSoftmaxRow.Shift(max);
        float* lanes = (float*)sums;
        float* errors = block + Lanes;

        // NOTE: zeroed with the vectors Exponentials reads them back with: a wide load from narrower stores cannot be
        // forwarded from the store buffer and waits for them to retire (a stall in every row).
        TV zero = TL.Create(0.0f);
        for (int k = 0; k < Lanes; k += TM.Count)
        {
            TM.Store(zero, lanes + k);
            TM.Store(zero, lanes + Lanes + k);
            TM.Store(zero, errors + k);
        }

        int whole = n / Lanes * Lanes;
        Terms<TV, TL, TM>(x, y, whole, shift, magic, floor, lanes, errors, x + n);

        if (whole < n)
        {
            for (int k = 0; k < Lanes; k += TM.Count)
            {
                TM.Store(TL.Create(float.NegativeInfinity), block + k);
            }

            new Span<float>(x + whole, n - whole).CopyTo(new Span<float>(block, n - whole));

            // The padding's −∞ gives exactly 0, and adds exactly 0 to each lane's terms (all ≥ 0).
            Terms<TV, TL, TM>(block, block, Lanes, shift, magic, floor, lanes, errors, block);
            new Span<float>(block, n - whole).CopyTo(new Span<float>(y + whole, n - whole));
        }

        for (int lane = 0; lane < Lanes; lane++)
        {
            sums[lane] += errors[lane];
        }

        // Pairwise, in a fixed order: a chain of 16 dependent additions would hold up pass 3.
        for (int half = Lanes / 2; half > 0; half /= 2)
        {
            for (int lane = 0; lane < half; lane++)
            {
                sums[lane] += sums[lane + half];
            }
        }

        return sums[0];
    }

    /// <summary><see cref="Exponentials"/>, or at 512 bits <see cref="ExponentialsPaired"/>: the same terms and sums, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Terms<TV, TL, TM>(float* x, float* y, long count, float shift, float magic, float floor, float* lanes, float* errors, float* next)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        if (typeof(TV) == typeof(Vector512<float>))
        {
            ExponentialsPaired(x, y, count, shift, magic, floor, lanes, errors, next);
        }
        else
        {
            Exponentials<TV, TL, TM>(x, y, count, shift, magic, floor, lanes, errors, next);
        }
    }

    /// <summary>
    /// <see cref="Exponentials"/> at 512 bits, two vectors per step with their instructions interleaved
    /// (<see cref="FloatLanes512Pair"/>, as the heavy element-wise loop does): each term is the single vector's, and the
    /// two are added to the lanes one after the other, so the sums are too. An odd last vector is paired with itself
    /// and added once.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ExponentialsPaired(float* x, float* y, long count, float shift, float magic, float floor, float* lanes, float* errors, float* next)
    {
        const int W = Lanes;
        Vector512Pair c = FloatLanes512Pair.Create(shift), mg = FloatLanes512Pair.Create(magic), low = FloatLanes512Pair.Create(floor);
        Vector512<float> l = Vector512.Load(lanes), h = Vector512.Load(lanes + W), e = Vector512.Load(errors);
        for (long i = 0; i < count; i += 2 * W)
        {
            long second = Math.Min(i + W, count - W);
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(next + i);
                Sse.Prefetch0(next + second);
            }

            Vector512Pair v = FloatSoftmaxRow.Exponential<Vector512Pair, FloatLanes512Pair>(
                new Vector512Pair(Vector512.Load(x + i), Vector512.Load(x + second)), c, mg, low, out Vector512Pair error);
            v.First.Store(y + i);
            FloatSoftmaxRow.AddWidened(v.First, ref l, ref h);
            e += error.First;
            if (second != i)
            {
                v.Second.Store(y + second);
                FloatSoftmaxRow.AddWidened(v.Second, ref l, ref h);
                e += error.Second;
            }
        }

        l.Store(lanes);
        h.Store(lanes + W);
        e.Store(errors);
    }

    /// <summary>
    /// 2^32·e^(x − m′) rounded into y for <paramref name="count"/> floats (whole blocks; y may be x), each lane's terms (element i
    /// in lane i mod 16) added in element order into the double lanes of
    /// <paramref name="lanes"/> (16 doubles, as 32 floats) and their rounding errors into <paramref name="errors"/> (16 floats);
    /// the floats from <paramref name="next"/> on (the next row) are prefetched alongside.
    /// </summary>
    /// <remarks>
    /// The 16 lanes are the same whatever the vector width: 8- and 4-float vectors take turns over 2 or 4 accumulator
    /// sets, rotated after each vector so that one accumulation in the loop body serves them all (16-float vectors, one
    /// block each, go through <see cref="ExponentialsPaired"/>). NoInlining: the heavy body must appear once in a method compiled with a budget of its own (see
    /// ElementwiseLoop.Heavy); a row's last, partial block comes through here too.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Exponentials<TV, TL, TM>(float* x, float* y, long count, float shift, float magic, float floor, float* lanes, float* errors, float* next)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        Debug.Assert(TM.Count is 4 or 8, "the rotation covers 2 or 4 vectors per block");
        int w = TM.Count;
        TV c = TL.Create(shift), mg = TL.Create(magic), low = TL.Create(floor);
        TV l0 = TM.Load(lanes), h0 = TM.Load(lanes + w), e0 = TM.Load(errors);
        TV l1 = TM.Load(lanes + (2 * w)), h1 = TM.Load(lanes + (3 * w)), e1 = TM.Load(errors + w);
        TV l2 = l0, h2 = h0, e2 = e0, l3 = l0, h3 = h0, e3 = e0;

        if (TM.Count == Lanes / 4)
        {
            l2 = TM.Load(lanes + (4 * w));
            h2 = TM.Load(lanes + (5 * w));
            e2 = TM.Load(errors + (2 * w));
            l3 = TM.Load(lanes + (6 * w));
            h3 = TM.Load(lanes + (7 * w));
            e3 = TM.Load(errors + (3 * w));
        }

        for (long i = 0; i < count; i += w)
        {
            // The next row, for the maximum that follows: that pass has no arithmetic to hide a wait for memory behind
            // (measured 0.52 → 0.44 ns/element on 4096 × 1024 and 0.56 → 0.45 on 256 × 65 536, one thread).
            if (Sse.IsSupported)
            {
                Sse.Prefetch0(next + i);
            }

            TV e = FloatSoftmaxRow.Exponential<TV, TL>(TM.Load(x + i), c, mg, low, out TV error);
            TM.Store(e, y + i);
            FloatSoftmaxRow.AddWidened(e, ref l0, ref h0);
            e0 = TL.Add(e0, error);

            // Rotate: (l0, h0, e0) always belong to the next vector's lanes.
            if (TM.Count == Lanes / 2)
            {
                (l0, l1) = (l1, l0);
                (h0, h1) = (h1, h0);
                (e0, e1) = (e1, e0);
            }
            else
            {
                (l0, l1, l2, l3) = (l1, l2, l3, l0);
                (h0, h1, h2, h3) = (h1, h2, h3, h0);
                (e0, e1, e2, e3) = (e1, e2, e3, e0);
            }
        }

        // Every block is 16/w vectors, so the rotation is back where it began: l0/h0 hold the doubles of lanes 0..w-1...
        TM.Store(l0, lanes);
        TM.Store(h0, lanes + w);
        TM.Store(e0, errors);
        TM.Store(l1, lanes + (2 * w));
        TM.Store(h1, lanes + (3 * w));
        TM.Store(e1, errors + w);

        if (TM.Count == Lanes / 4)
        {
            TM.Store(l2, lanes + (4 * w));
            TM.Store(h2, lanes + (5 * w));
            TM.Store(e2, errors + (2 * w));
            TM.Store(l3, lanes + (6 * w));
            TM.Store(h3, lanes + (7 * w));
            TM.Store(e3, errors + (3 * w));
        }
    }

    /// <summary>y = Y·(1/sum) in place, the reciprocal as a float pair (<see cref="FloatSoftmaxRow.Scale{TV, TL}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scale<TV, TL, TM>(float* y, int n, double sum)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        (float hi, float lo) = FloatSoftmaxRow.Divisor(sum);
        TV rh = TL.Create(hi), rl = TL.Create(lo);
        int w = TM.Count;
        int i = 0;
        if (n >= w)
        {
            // The first and last w elements, scaled from their values before the loop overwrites some of them (in
            // place): stored after it, they rewrite those with the same bits and cover the row's unaligned head and its
            // tail without scalar code. The loop itself stores to whole vectors of memory (ElementwiseLoop's remarks).
            TV first = FloatSoftmaxRow.Scale<TV, TL>(TM.Load(y), rh, rl);
            TV last = FloatSoftmaxRow.Scale<TV, TL>(TM.Load(y + n - w), rh, rl);
            i = (int)ElementwiseLoop.AlignmentGap((nuint)y, (nuint)w);
            for (; i + w <= n; i += w)
            {
                TM.Store(FloatSoftmaxRow.Scale<TV, TL>(TM.Load(y + i), rh, rl), y + i);
            }

            TM.Store(first, y);
            TM.Store(last, y + n - w);
            return;
        }

        for (; i < n; i++)
        {
            y[i] = FloatSoftmaxRow.Scale<float, FloatScalarLanes>(y[i], hi, lo);
        }
    }
}
