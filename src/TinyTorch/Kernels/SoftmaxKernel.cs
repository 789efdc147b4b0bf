using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Softmax and its backward over every slice of a tensor viewed as [outer, length, inner]: the slices run
/// along the middle axis, <c>inner</c> elements apart. The last dimension is inner = 1 (contiguous rows).
/// </summary>
/// <remarks>
/// <para>Accuracy (within 2 ULP of the correctly rounded softmax): the maximum m is exact; each xᵢ − m is
/// formed in double (both are floats, so the error is 2^-53·|xᵢ − m|, where float would lose
/// |xᵢ − m|·2^-24 ≈ 1e−5 at a spread of 200, i.e. hundreds of ULP); e^(xᵢ − m) comes from
/// <see cref="VectorExp"/> (≤ 3e−10 relative) and is stored in the output as a float (≤ 1 ULP, the one
/// lossy step); the sum is accumulated in double from the unrounded exponentials; the scale by 1/Σ rounds
/// once more (½ ULP). Total below 1.6 ULP.</para>
/// <para>Memory: a contiguous row is read once for the max, read again for the exponentials (written to the
/// output), and the output is scaled in place: for rows that fit in cache, two passes over memory.
/// A non-last dimension is processed in strips of up to 32 columns, with vectors across the stride: the same
/// three passes, each walking the strip row by row (contiguous pieces), with per-column max and sum kept in
/// registers' worth of stack: no transposed copy.</para>
/// <para>Threads: rows (or column strips) are split over <see cref="ParallelRunner.ForRanges"/>; each
/// slice is computed by one thread with the same code, so results do not depend on the thread count.
/// The sums of a column strip run sequentially down each column, exactly as the scalar column code does, so
/// a column's result does not depend on whether it went through the vector or the scalar path either.</para>
/// <para>Edges, as PyTorch: a NaN in a slice, a +∞ (∞ − ∞) or an all-−∞ slice gives a NaN slice; a −∞ beside
/// finite values gives exactly 0 (e^−200 from the clamped exponential rounds to float 0).</para>
/// </remarks>
internal static unsafe class SoftmaxKernel
{
    // NOTE: the row, strip and column workers are AggressiveOptimization (compiled optimized at once) for the reason
    // given in ElementwiseLoop: under tiering, the first ~100 ms of calls ran unoptimized code (measured 9.6 vs
    // 2.4 ns/element in a short `tito bench --quick`).

    // A vector is 8 columns; a strip of a non-last dimension is up to 4 vectors (32 columns, 128 bytes of each
    // row): each row's piece is two whole cache lines, and a [1024 × 32] strip of input and output (256 KiB)
    // stays in L2 across its three passes. Measured on [1024, 4096] over dim 0: 5.3 ns/element with 32
    // columns against 6.6 with 64 (noisy, shared machine).
    private const int Width = 8;
    private const int StripVectors = 4;
    private const int StripColumns = Width * StripVectors;

    /// <summary>Softmax of each slice of x into y (y may be x).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner)
    {
        if (outer == 0 || length == 0)
        {
            return;
        }

        fixed (float* px = x, py = y)
        {
            nint xs = (nint)px, ys = (nint)py;
            if (inner == 1)
            {
                ParallelRunner.ForRanges(outer, length, (start, end) =>
                {
                    for (int r = start; r < end; r++)
                    {
                        ForwardRow((float*)xs + ((long)r * length), (float*)ys + ((long)r * length), length);
                    }
                });
                return;
            }

            int strips = (inner + StripColumns - 1) / StripColumns;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, StripColumns), (start, end) =>
            {
                for (int item = start; item < end; item++)
                {
                    (long offset, int columns) = StripAt(item, strips, length, inner);
                    ForwardStrip((float*)xs + offset, (float*)ys + offset, length, inner, columns);
                }
            });
        }
    }

    /// <summary>dx = y ⊙ (g − Σ g·y) per slice (dx may be g or y).</summary>
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, int outer, int length, int inner)
    {
        if (outer == 0 || length == 0)
        {
            return;
        }

        fixed (float* py = y, pg = g, pd = dx)
        {
            nint ys = (nint)py, gs = (nint)pg, ds = (nint)pd;
            if (inner == 1)
            {
                ParallelRunner.ForRanges(outer, length, (start, end) =>
                {
                    for (int r = start; r < end; r++)
                    {
                        long o = (long)r * length;
                        BackwardRow((float*)ys + o, (float*)gs + o, (float*)ds + o, length);
                    }
                });
                return;
            }

            int strips = (inner + StripColumns - 1) / StripColumns;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, StripColumns), (start, end) =>
            {
                for (int item = start; item < end; item++)
                {
                    (long offset, int columns) = StripAt(item, strips, length, inner);
                    BackwardStrip((float*)ys + offset, (float*)gs + offset, (float*)ds + offset, length, inner, columns);
                }
            });
        }
    }

    /// <summary>Where strip <paramref name="item"/> starts and how many columns (≤ 32) it has.</summary>
    private static (long Offset, int Columns) StripAt(int item, int strips, int length, int inner)
    {
        int block = item / strips;
        int column = item % strips * StripColumns;
        return (((long)block * length * inner) + column, Math.Min(StripColumns, inner - column));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardRow(float* x, float* y, int n)
    {
        if (!Vector256.IsHardwareAccelerated || n < Width)
        {
            ForwardColumn(x, y, n, 1);
            return;
        }

        Vector256<float> maxes = Vector256.Create(float.NegativeInfinity);
        int i = 0;
        for (; i + Width <= n; i += Width)
        {
            maxes = Vector256.Max(maxes, Vector256.Load(x + i));
        }

        float max = maxes[0];
        for (int lane = 1; lane < Width; lane++)
        {
            max = Math.Max(max, maxes[lane]);
        }

        for (; i < n; i++)
        {
            max = Math.Max(max, x[i]);
        }

        if (!float.IsFinite(max))
        {
            new Span<float>(y, n).Fill(float.NaN);
            return;
        }

        Vector256<double> m = Vector256.Create((double)max);
        Vector256<double> sum0 = Vector256<double>.Zero, sum1 = Vector256<double>.Zero;
        for (i = 0; i + Width <= n; i += Width)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(x + i));
            Vector256<double> e0 = VectorExp.Exp<Vector256<double>, Lanes256>(lo - m);
            Vector256<double> e1 = VectorExp.Exp<Vector256<double>, Lanes256>(hi - m);
            sum0 += e0;
            sum1 += e1;
            Vector256.Narrow(e0, e1).Store(y + i);
        }

        double sum = Vector256.Sum(sum0 + sum1);
        for (; i < n; i++)
        {
            double e = VectorExp.Exp<double, ScalarLanes>(x[i] - (double)max);
            sum += e;
            y[i] = (float)e;
        }

        double inverse = 1.0 / sum;
        Vector256<double> scale = Vector256.Create(inverse);
        for (i = 0; i + Width <= n; i += Width)
        {
            (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(y + i));
            Vector256.Narrow(lo * scale, hi * scale).Store(y + i);
        }

        for (; i < n; i++)
        {
            y[i] = (float)(y[i] * inverse);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardStrip(float* x, float* y, int length, int stride, int columns)
    {
        int vectors = Vector256.IsHardwareAccelerated ? columns / Width : 0;
        for (int c = vectors * Width; c < columns; c++)
        {
            ForwardColumn(x + c, y + c, length, stride);
        }

        if (vectors == 0)
        {
            return;
        }

        Vector256<float>* maxes = stackalloc Vector256<float>[StripVectors];
        Vector256<double>* sums = stackalloc Vector256<double>[2 * StripVectors];
        for (int v = 0; v < vectors; v++)
        {
            maxes[v] = Vector256.Create(float.NegativeInfinity);
            sums[2 * v] = sums[(2 * v) + 1] = Vector256<double>.Zero;
        }

        // Each pass walks the strip row by row: every row of the strip is contiguous, so the loads stream.
        for (int i = 0; i < length; i++)
        {
            float* row = x + ((long)i * stride);
            for (int v = 0; v < vectors; v++)
            {
                maxes[v] = Vector256.Max(maxes[v], Vector256.Load(row + (v * Width)));
            }
        }

        // NOTE: a column whose max is NaN or ±∞ becomes a NaN column; rare, so that strip takes the scalar
        // column path (same results for the finite columns: see the remarks).
        for (int v = 0; v < vectors; v++)
        {
            if (!Vector256.EqualsAll(maxes[v] - maxes[v], Vector256<float>.Zero))
            {
                for (int c = 0; c < vectors * Width; c++)
                {
                    ForwardColumn(x + c, y + c, length, stride);
                }

                return;
            }
        }

        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            for (int v = 0; v < vectors; v++)
            {
                (Vector256<double> m0, Vector256<double> m1) = Vector256.Widen(maxes[v]);
                (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(x + k + (v * Width)));
                Vector256<double> e0 = VectorExp.Exp<Vector256<double>, Lanes256>(lo - m0);
                Vector256<double> e1 = VectorExp.Exp<Vector256<double>, Lanes256>(hi - m1);
                sums[2 * v] += e0;
                sums[(2 * v) + 1] += e1;
                Vector256.Narrow(e0, e1).Store(y + k + (v * Width));
            }
        }

        for (int v = 0; v < 2 * vectors; v++)
        {
            sums[v] = Vector256<double>.One / sums[v];
        }

        for (int i = 0; i < length; i++)
        {
            float* row = y + ((long)i * stride);
            for (int v = 0; v < vectors; v++)
            {
                (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(row + (v * Width)));
                Vector256.Narrow(lo * sums[2 * v], hi * sums[(2 * v) + 1]).Store(row + (v * Width));
            }
        }
    }

    /// <summary>One slice, scalar: the reference order of operations for a column (and short rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardColumn(float* x, float* y, int length, int stride)
    {
        float max = float.NegativeInfinity;
        for (int i = 0; i < length; i++)
        {
            max = Math.Max(max, x[(long)i * stride]);
        }

        if (!float.IsFinite(max))
        {
            for (int i = 0; i < length; i++)
            {
                y[(long)i * stride] = float.NaN;
            }

            return;
        }

        double sum = 0;
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            double e = VectorExp.Exp<double, ScalarLanes>(x[k] - (double)max);
            sum += e;
            y[k] = (float)e;
        }

        double inverse = 1.0 / sum;
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            y[k] = (float)(y[k] * inverse);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RowDot(float* y, float* g, int n, out int vectorEnd)
    {
        int i = 0;
        double dot = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> acc0 = Vector256<double>.Zero, acc1 = Vector256<double>.Zero;
            for (; i + Width <= n; i += Width)
            {
                (Vector256<double> ylo, Vector256<double> yhi) = Vector256.Widen(Vector256.Load(y + i));
                (Vector256<double> glo, Vector256<double> ghi) = Vector256.Widen(Vector256.Load(g + i));
                acc0 = Vector256.FusedMultiplyAdd(ylo, glo, acc0);
                acc1 = Vector256.FusedMultiplyAdd(yhi, ghi, acc1);
            }

            dot = Vector256.Sum(acc0 + acc1);
        }

        vectorEnd = i;
        for (; i < n; i++)
        {
            dot = Math.FusedMultiplyAdd(y[i], g[i], dot);
        }

        return dot;
    }

    // The backward is accurate to one float rounding: the dot product is accumulated in double, and
    // y·(g − dot) is formed in double and rounded once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRow(float* y, float* g, float* dx, int n)
    {
        double dot = RowDot(y, g, n, out int vectorEnd);
        Vector256<double> d = Vector256.Create(dot);
        int i = 0;
        for (; i < vectorEnd; i += Width)
        {
            (Vector256<double> ylo, Vector256<double> yhi) = Vector256.Widen(Vector256.Load(y + i));
            (Vector256<double> glo, Vector256<double> ghi) = Vector256.Widen(Vector256.Load(g + i));
            Vector256.Narrow(ylo * (glo - d), yhi * (ghi - d)).Store(dx + i);
        }

        for (; i < n; i++)
        {
            dx[i] = (float)(y[i] * (g[i] - dot));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardStrip(float* y, float* g, float* dx, int length, int stride, int columns)
    {
        int vectors = Vector256.IsHardwareAccelerated ? columns / Width : 0;
        for (int c = vectors * Width; c < columns; c++)
        {
            BackwardColumn(y + c, g + c, dx + c, length, stride);
        }

        if (vectors == 0)
        {
            return;
        }

        Vector256<double>* dots = stackalloc Vector256<double>[2 * StripVectors];
        for (int v = 0; v < 2 * vectors; v++)
        {
            dots[v] = Vector256<double>.Zero;
        }

        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            for (int v = 0; v < vectors; v++)
            {
                (Vector256<double> ylo, Vector256<double> yhi) = Vector256.Widen(Vector256.Load(y + k + (v * Width)));
                (Vector256<double> glo, Vector256<double> ghi) = Vector256.Widen(Vector256.Load(g + k + (v * Width)));
                dots[2 * v] = Vector256.FusedMultiplyAdd(ylo, glo, dots[2 * v]);
                dots[(2 * v) + 1] = Vector256.FusedMultiplyAdd(yhi, ghi, dots[(2 * v) + 1]);
            }
        }

        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            for (int v = 0; v < vectors; v++)
            {
                (Vector256<double> ylo, Vector256<double> yhi) = Vector256.Widen(Vector256.Load(y + k + (v * Width)));
                (Vector256<double> glo, Vector256<double> ghi) = Vector256.Widen(Vector256.Load(g + k + (v * Width)));
                Vector256.Narrow(ylo * (glo - dots[2 * v]), yhi * (ghi - dots[(2 * v) + 1])).Store(dx + k + (v * Width));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardColumn(float* y, float* g, float* dx, int length, int stride)
    {
        double dot = 0;
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            dot = Math.FusedMultiplyAdd(y[k], g[k], dot);
        }

        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            dx[k] = (float)(y[k] * (g[k] - dot));
        }
    }
}
