using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Log-softmax and its backward down the columns of a strip, <c>stride</c> floats from one element to the next (a
/// dimension that is not the last): the strided path of <see cref="LogSoftmaxKernel"/>. Vectors run across the columns,
/// each lane one column, in place: log-softmax keeps no exponentials for a later pass, so softmax's blocked scratch of
/// exponentials (<see cref="SoftmaxBlockedColumns"/>) buys nothing here; only rows half a page or more apart are copied
/// into a scratch (<see cref="ScratchFloats"/>).
/// </summary>
/// <remarks>
/// <para>Forward, three passes per vector of columns: the maxima m and the largest entries below them, m2; the sums
/// s₂ = Σ e^(xⱼ − m2) over the entries BELOW m (softmax's column terms, <see cref="FloatSoftmax.Exponential{TV, TL}"/>,
/// summed by <see cref="FloatSoftmax.Accumulate{TV, TL}"/>, folded into double every <see cref="FloatSoftmax.FoldTerms"/>
/// rows), with the count k of entries equal to m; then per column, in double, s = s₂·e^(m2 − m) and
/// L = ln(1 + (k − 1 + s)) (<see cref="LogSoftmaxRows.Log1p"/>), and y = ((double)x − m) − L rounded once
/// (<see cref="MinusInDouble{TV}"/>). NOTE: the terms are taken from m2, not m: from m, those of entries 88 or more
/// below it are flushed to 0 by the exponential (and those far below lose digits near that clamp), which a softmax can
/// afford (they are below its result's ULP) but log-softmax cannot where they are all of s (the maximum's y is −L ≈ −s).
/// From m2 every term that counts is within e^-88 of the largest, 1.</para>
/// <para>Why within 1 ULP (≤ 0.69 for every normal y, for columns of any length up to 2^20): y = −(|x − m| + L), two terms
/// of one sign, so |y| ≥ L and an absolute error ε in L is at most ε·2^24/L ULP of y. s is within σ ≤ 2^-26.5 + 2^-32
/// relative (<see cref="FloatSoftmax"/> item 2, and the exponentials' own 2^-32; e^(m2 − m) in double adds 2^-52). The trap of
/// <see cref="LogSoftmaxRows"/>: where one entry dominates, L ≈ s is tiny and a sum over ALL entries, 1 + s, has its error
/// relative to 1, not to s: the rows fall back to an exact double sum there. Leaving the maxima out of the float sum and
/// adding their count k − 1 exactly makes the error relative to s wherever L is small: with t = k − 1 + s,
/// ε = σ·s/(1 + t) and L = ln(1 + t) ≥ t/(1 + t) ≥ s/(1 + t), so ε/L ≤ σ: 0.18 ULP of y, for every column and no slow
/// path. Log1p adds a few 2^-52 relative, the subtractions in double ≤ 2^-28 ULP: with the final rounding,
/// ≤ 0.69 ULP.</para>
/// <para>Backward, two passes: Σg down each column in double, then <see cref="LogSoftmaxRows.GradientStep{TV, TL}"/>
/// per element: the row path's bound (1 ULP + 2^-31·|e^y·Σg|).</para>
/// <para>Every column is worked in its own lane, in row order, by the same float operations at every width (the
/// scalar body included): a column's bits depend on its own values alone, not on the vector width, its neighbours or
/// the thread. They are not the row path's bits on the transposed tensor (its sums run in another order and its small-L
/// rows take the exact sum), though both are within the bound of the same true value.</para>
/// <para>Edges, as PyTorch: a NaN or +∞ in a column (m or s NaN) or an all-−∞ column (m = −∞) gives a NaN column; −∞
/// beside finite values gives −∞ (its term is 0, its y is −∞ − m − L).</para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class LogSoftmaxColumns
{
    /// <summary>The widest vector, in floats: the most columns one pass carries.</summary>
    private const int MaxLanes = 16;

    /// <summary>How many rows ahead the passes prefetch.</summary>
    private const int PrefetchRows = 8;

    /// <summary>The widest strip the kernel hands over: 64 columns, a 256-byte piece of each row.</summary>
    internal const int StripColumns = 64;

    /// <summary>The longest column that goes through the scratch: 4096 rows of a 64-column strip are 1 MiB.</summary>
    private const int MaxScratchLength = 4096;

    /// <summary>
    /// The forward: log-softmax down each of <paramref name="columns"/> columns of x into y (y may be x);
    /// <paramref name="scratch"/> is null or holds <see cref="ScratchFloats"/> floats (length × 64).
    /// </summary>
    public static void Forward(float* x, float* y, int length, int stride, int columns, int lanes, float* scratch)
    {
        if (scratch == null)
        {
            EachVector<ForwardPass>(x, y, null, stride, length, stride, columns, lanes);
            return;
        }

        // The strip into blocks of 16 columns, each block's rows contiguous (16 floats apart); then each block's
        // vectors read it there and write y in place of x. (Writing the results back into the blocks and copying them
        // out row by row, as they were gathered, measured slower: 1.34 against 1.11 ns/element on [1024, 1024].)
        Gather(x, stride, length, columns, scratch);
        for (int first = 0; first < columns; first += MaxLanes)
        {
            EachVector<ForwardPass>(scratch + ((long)first * length), y + first, null, MaxLanes, length, stride, Math.Min(MaxLanes, columns - first), lanes);
        }
    }

    /// <summary>
    /// The scratch the forward wants for columns of <paramref name="length"/> rows <paramref name="stride"/> floats apart:
    /// 0 (none) unless the rows are half a page or more apart and the strip's copy fits in 1 MiB. NOTE: such rows
    /// share a few cache sets (a power-of-two stride the fewest), so that the passes after the first find little of it
    /// in cache; the strip is first copied into the scratch, each block of 16 columns contiguous, and the passes read it
    /// there (measured on [1024, 1024] over dim 0, one thread: 1.86 ns/element in place, 1.31 with prefetching, 1.17
    /// with a vector's column copied by its first pass, 1.11–1.3 with the strip copied at once, 1.13 with y prefetched
    /// too, as the last pass writes it; libtorch 1.0–1.5 in the same sessions).
    /// </summary>
    public static int ScratchFloats(int length, int stride) =>
        stride >= 512 && length <= MaxScratchLength ? length * StripColumns : 0;

    /// <summary>The backward: dx = g − e^y·Σg down each of <paramref name="columns"/> columns (dx may be g or y).</summary>
    public static void Backward(float* g, float* y, float* dx, int length, int stride, int columns, int lanes) =>
        EachVector<BackwardPass>(g, y, dx, stride, length, stride, columns, lanes);

    /// <summary>
    /// Runs <typeparamref name="TPass"/> over the columns in vectors of <paramref name="lanes"/> floats, then of 8 and 4
    /// for what is left, then one column at a time (the scalar body).
    /// </summary>
    private static void EachVector<TPass>(float* a, float* b, float* c, int sourceStride, int length, int stride, int columns, int lanes)
        where TPass : IColumnPass
    {
        for (int done = 0; done < columns;)
        {
            int left = columns - done;
            int w = Math.Min(lanes, left) switch
            {
                >= 16 => 16,
                >= 8 => 8,
                >= 4 => 4,
                _ => 1,
            };
            float* b1 = b + done, c1 = c == null ? null : c + done;
            if (w == 16)
            {
                TPass.Run<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(a + done, b1, c1, sourceStride, length, stride);
            }
            else if (w == 8)
            {
                TPass.Run<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(a + done, b1, c1, sourceStride, length, stride);
            }
            else if (w == 4)
            {
                TPass.Run<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(a + done, b1, c1, sourceStride, length, stride);
            }
            else
            {
                TPass.Run<float, FloatScalarLanes, FloatMemoryScalarLanes>(a + done, b1, c1, sourceStride, length, stride);
            }

            done += w;
        }
    }

    /// <summary>
    /// The forward for one vector of columns: the maxima, the sums below them with the count of maxima, then y.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ForwardVector<TV, TL, TM>(float* x, int sourceStride, float* y, int length, int stride)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        float* max = stackalloc float[MaxLanes], second = stackalloc float[MaxLanes], sum = stackalloc float[MaxLanes], carry = stackalloc float[MaxLanes];
        float* count = stackalloc float[MaxLanes];
        double* shift = stackalloc double[2 * MaxLanes];
        double* total = stackalloc double[MaxLanes], maxima = stackalloc double[MaxLanes];

        // The maxima m and the largest entries below them, m2 (−∞ where there is none).
        TV zero = TL.Create(0.0f), one = TL.Create(1.0f), minusInfinity = TL.Create(float.NegativeInfinity);
        TV m = minusInfinity, m2 = minusInfinity;
        for (int i = 0; i < length; i++)
        {
            float* row = x + ((long)i * sourceStride);
            Ahead(row, sourceStride);
            TV v = TM.Load(row);
            TV hi = TM.Max(m, v), lo = TL.Smaller(m, v);
            m2 = TL.Larger(m2, TL.SelectWhereBelow(TL.Subtract(lo, hi), 0.0f, lo, minusInfinity));
            m = hi;
        }

        TM.Store(m, max);
        TM.Store(m2, second);
        TV negM = TL.Subtract(zero, m);
        TV negM2 = TL.SelectWhereBelow(m2, float.MinValue, zero, TL.Subtract(zero, m2));
        for (int k = 0; k < w; k++)
        {
            total[k] = 0;
            maxima[k] = 0;
        }

        for (int start = 0; start < length; start += FloatSoftmax.FoldTerms)
        {
            int end = Math.Min(length, start + FloatSoftmax.FoldTerms);
            TV s = zero, c = zero, n = zero;
            for (int i = start; i < end; i++)
            {
                float* row = x + ((long)i * sourceStride);
                Ahead(row, sourceStride);
                TV v = TM.Load(row);
                TV e = FloatSoftmax.Exponential<TV, TL>(v, negM2, out TV residual);

                // x − m rounds to 0 exactly where x = m (gradual underflow): those terms (whose x − m2 > 0 the
                // exponential is not made for) are counted, not summed. A NaN x keeps its NaN difference as its term,
                // so that the sum says so.
                TV d = TL.Add(v, negM);
                e = TL.SelectWhereBelow(d, 0.0f, e, d);
                residual = TL.SelectWhereBelow(d, 0.0f, residual, zero);
                n = TL.Add(n, TL.SelectWhereBelow(d, 0.0f, zero, one));
                FloatSoftmax.Accumulate<TV, TL>(ref s, ref c, e, residual);
            }

            TM.Store(s, sum);
            TM.Store(c, carry);
            TM.Store(n, count);
            for (int k = 0; k < w; k++)
            {
                total[k] += (double)sum[k] + carry[k];
                maxima[k] += count[k];
            }
        }

        for (int k = 0; k < w; k++)
        {
            // The sums are of e^(x − m2) at 2^64 times their scale (FloatSoftmax's B): s is the sum times e^(m2 − m)
            // (0 where m2 is −∞). A column with a maximum that is not finite (NaN, +∞, all −∞) or a NaN sum is NaN.
            double s = total[k] / FloatSoftmax.Boost * Math.Exp((double)second[k] - max[k]);
            double log = float.IsFinite(max[k]) && double.IsFinite(total[k])
                ? LogSoftmaxRows.Log1p(maxima[k] - 1 + s)
                : double.NaN;
            shift[k] = max[k];
            shift[MaxLanes + k] = log;
        }

        // y = ((double)x − m) − L rounded once to float, as the rows do: the same double operations in every lane.
        if (typeof(TV) == typeof(float))
        {
            for (int i = 0; i < length; i++)
            {
                y[(long)i * stride] = (float)((double)x[(long)i * sourceStride] - shift[0] - shift[MaxLanes]);
            }

            return;
        }

        // The doubles of lanes 0..w/2−1, then w/2..w−1, each half in a TV's bits (as FloatSoftmaxRow.AddWidened holds them).
        TV mLow = TM.Load((float*)shift), mHigh = TM.Load((float*)(shift + (w / 2)));
        TV lLow = TM.Load((float*)(shift + MaxLanes)), lHigh = TM.Load((float*)(shift + MaxLanes + (w / 2)));
        for (int i = 0; i < length; i++)
        {
            float* row = x + ((long)i * sourceStride), to = y + ((long)i * stride);
            Ahead(row, sourceStride);
            Ahead(to, stride);
            TM.Store(MinusInDouble(TM.Load(row), mLow, mHigh, lLow, lHigh), to);
        }
    }

    /// <summary>
    /// ((double)x − m) − L per lane, rounded once to float: m and L are doubles, the first half of the lanes' in
    /// <paramref name="mLow"/> and <paramref name="lLow"/>, the second half's in the highs (a TV holds half as many
    /// doubles). Both differences are of two terms of one sign (x − m ≤ 0, −L ≤ 0), each rounded to 2^-53: with the
    /// rounding to float, within ½ ULP + 2^-28 ULP. A −∞ x gives −∞; a NaN L, NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MinusInDouble<TV>(TV x, TV mLow, TV mHigh, TV lLow, TV lHigh)
        where TV : struct
    {
        if (typeof(TV) == typeof(Vector512<float>))
        {
            Vector512<float> f = Unsafe.BitCast<TV, Vector512<float>>(x);
            Vector512<double> low = Vector512.WidenLower(f) - Unsafe.BitCast<TV, Vector512<double>>(mLow) - Unsafe.BitCast<TV, Vector512<double>>(lLow);
            Vector512<double> high = Vector512.WidenUpper(f) - Unsafe.BitCast<TV, Vector512<double>>(mHigh) - Unsafe.BitCast<TV, Vector512<double>>(lHigh);
            return Unsafe.BitCast<Vector512<float>, TV>(Vector512.Narrow(low, high));
        }

        if (typeof(TV) == typeof(Vector256<float>))
        {
            Vector256<float> f = Unsafe.BitCast<TV, Vector256<float>>(x);
            Vector256<double> low = Vector256.WidenLower(f) - Unsafe.BitCast<TV, Vector256<double>>(mLow) - Unsafe.BitCast<TV, Vector256<double>>(lLow);
            Vector256<double> high = Vector256.WidenUpper(f) - Unsafe.BitCast<TV, Vector256<double>>(mHigh) - Unsafe.BitCast<TV, Vector256<double>>(lHigh);
            return Unsafe.BitCast<Vector256<float>, TV>(Vector256.Narrow(low, high));
        }

        if (typeof(TV) == typeof(Vector128<float>))
        {
            Vector128<float> f = Unsafe.BitCast<TV, Vector128<float>>(x);
            Vector128<double> low = Vector128.WidenLower(f) - Unsafe.BitCast<TV, Vector128<double>>(mLow) - Unsafe.BitCast<TV, Vector128<double>>(lLow);
            Vector128<double> high = Vector128.WidenUpper(f) - Unsafe.BitCast<TV, Vector128<double>>(mHigh) - Unsafe.BitCast<TV, Vector128<double>>(lHigh);
            return Unsafe.BitCast<Vector128<float>, TV>(Vector128.Narrow(low, high));
        }

        throw new NotSupportedException($"{typeof(TV)} is not a vector of 4, 8 or 16 floats.");
    }

    /// <summary>
    /// The strip's <paramref name="columns"/> columns of each row into <paramref name="blocks"/>: columns 16b to 16b + 15
    /// into block b (<paramref name="length"/> × 16 floats), row i at 16·i, so that each block's rows are contiguous.
    /// One sweep down the rows, each row's piece (up to four cache lines) copied at once: each page of x is visited
    /// once per strip, not once per vector.
    /// </summary>
    private static void Gather(float* x, int stride, int length, int columns, float* blocks)
    {
        int whole = columns / MaxLanes;
        uint rest = (uint)(columns - (whole * MaxLanes)) * sizeof(float);
        long block = (long)length * MaxLanes;
        for (int i = 0; i < length; i++)
        {
            float* row = x + ((long)i * stride);
            float* to = blocks + ((long)i * MaxLanes);
            if (Sse.IsSupported)
            {
                for (int c = 0; c < columns; c += MaxLanes)
                {
                    Sse.Prefetch0(row + ((long)PrefetchRows * stride) + c);
                }
            }

            for (int b = 0; b < whole; b++)
            {
                Unsafe.CopyBlockUnaligned(to + (b * block), row + (b * MaxLanes), MaxLanes * sizeof(float));
            }

            if (rest > 0)
            {
                Unsafe.CopyBlockUnaligned(to + (whole * block), row + (whole * MaxLanes), rest);
            }
        }
    }

    /// <summary>
    /// Prefetches the piece <see cref="PrefetchRows"/> rows below <paramref name="row"/>. NOTE: rows a page or more apart
    /// defeat the hardware prefetcher, and rows a power of two apart share a few cache sets, so that a pass finds little
    /// of the one before still in cache (measured on [1024, 1024] over dim 0, one thread: 1.86 ns/element without). The
    /// last pass prefetches the output rows it is about to write as well (their lines are read before they are written).
    /// A prefetch past the end of the data is harmless (it never faults).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Ahead(float* row, long stride)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(row + (PrefetchRows * stride));
        }
    }

    /// <summary>The backward for one vector of columns: Σg down each column in double, then dx per element.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void BackwardVector<TV, TL, TM>(float* g, float* y, float* dx, int length, int stride)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        double* total = stackalloc double[MaxLanes];
        float* hi = stackalloc float[MaxLanes], lo = stackalloc float[MaxLanes];
        if (typeof(TV) == typeof(float))
        {
            double s = 0;
            for (int i = 0; i < length; i++)
            {
                s += g[(long)i * stride];
            }

            total[0] = s;
        }
        else
        {
            // The accumulators hold w doubles each half (FloatSoftmaxRow.AddWidened), in lane order.
            TV low = TL.Create(0.0f), high = low;
            for (int i = 0; i < length; i++)
            {
                FloatSoftmaxRow.AddWidened(TM.Load(g + ((long)i * stride)), ref low, ref high);
            }

            TM.Store(low, (float*)total);
            TM.Store(high, (float*)(total + (w / 2)));
        }

        for (int k = 0; k < w; k++)
        {
            hi[k] = (float)total[k];
            lo[k] = (float)(total[k] - hi[k]);
        }

        TV sumHi = TM.Load(hi), sumLo = TM.Load(lo);
        for (int i = 0; i < length; i++)
        {
            long at = (long)i * stride;
            TM.Store(LogSoftmaxRows.GradientStep<TV, TL>(TM.Load(g + at), TM.Load(y + at), sumHi, sumLo), dx + at);
        }
    }

    /// <summary>One pass over a vector of columns, at the width TV (see <see cref="EachVector{TPass}"/>).</summary>
    private interface IColumnPass
    {
        static abstract void Run<TV, TL, TM>(float* a, float* b, float* c, int sourceStride, int length, int stride)
            where TV : struct
            where TL : IFloatLanes<TV>
            where TM : IFloatMemoryLanes<TV>;
    }

    private readonly struct ForwardPass : IColumnPass
    {
        public static void Run<TV, TL, TM>(float* a, float* b, float* c, int sourceStride, int length, int stride)
            where TV : struct
            where TL : IFloatLanes<TV>
            where TM : IFloatMemoryLanes<TV> =>
            ForwardVector<TV, TL, TM>(a, sourceStride, b, length, stride);
    }

    private readonly struct BackwardPass : IColumnPass
    {
        public static void Run<TV, TL, TM>(float* a, float* b, float* c, int sourceStride, int length, int stride)
            where TV : struct
            where TL : IFloatLanes<TV>
            where TM : IFloatMemoryLanes<TV> =>
            BackwardVector<TV, TL, TM>(a, b, c, length, stride);
    }
}
