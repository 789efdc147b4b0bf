using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Softmax and its backward over every slice of a tensor viewed as [outer, length, inner]: the slices run
/// along the middle axis, <c>inner</c> elements apart. The last dimension is inner = 1 (contiguous rows).
/// </summary>
/// <remarks>
/// <para>Forward: float lanes at the widest accelerated width: rows go through <see cref="SoftmaxRows"/>, within
/// 1.55 ULP of the true softmax (<see cref="FloatSoftmaxRow"/> has the math and the proof), other dimensions, within
/// 0.69 ULP (<see cref="FloatSoftmax"/>), through <see cref="SoftmaxColumns"/> in strips of up to 64 columns with vectors across the stride.
/// Every slice is summed in an order fixed by its element indices alone, so the results are the same bits whatever
/// the vector width (<see cref="Forward(ReadOnlySpan{float}, Span{float}, int, int, int, int, bool)"/> takes it as a
/// parameter for the tests) and whatever the thread count: rows (or column strips) are split over
/// <see cref="ParallelRunner.ForRanges"/>, each slice computed by one thread.</para>
/// <para>Backward over rows: Σ g·y in double (sixteen fixed partial sums), then y·(g − Σ) in float lanes within 1.5
/// ULP; see <see cref="BackwardRow"/>.</para>
/// <para>Edges, as PyTorch: a NaN in a slice, a +∞ (∞ − ∞) or an all-−∞ slice gives a NaN slice; a −∞ beside
/// finite values gives exactly 0.</para>
/// </remarks>
internal static unsafe class SoftmaxKernel
{
    // NOTE: the row, strip and column workers are AggressiveOptimization (compiled optimized at once) for the reason
    // given in ElementwiseLoop: under tiering, the first ~100 ms of calls ran unoptimized code (measured 9.6 vs
    // 2.4 ns/element in a short `tito bench --quick`).

    // The backward's vectors are 8 columns (two Vector256<double>); a strip of a non-last dimension is up to 4 vectors
    // (32 columns, 128 bytes of each row): each row's piece is two whole cache lines.
    private const int Width = 8;
    private const int StripVectors = 4;
    private const int StripColumns = Width * StripVectors;

    /// <summary>The widest vector width this machine runs in hardware, in floats: 16, 8 or 4.</summary>
    internal static int WidestLanes => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Softmax of each slice of x into y (y may be x).</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner) =>
        Forward(x, y, outer, length, inner, WidestLanes);

    /// <summary>
    /// Softmax of each slice of x into y (y may be x), with vectors of at most <paramref name="lanes"/> floats (16, 8 or 4);
    /// <paramref name="blocked"/> false sends every column strip down <see cref="SoftmaxColumns"/>' direct path, which
    /// otherwise only columns longer than <see cref="SoftmaxColumns.MaxBlockedLength"/> take (for the tests).
    /// </summary>
    internal static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner, int lanes, bool blocked = true)
    {
        if (outer == 0 || length == 0 || inner == 0)
        {
            return;
        }

        fixed (float* px = x, py = y)
        {
            nint xs = (nint)px, ys = (nint)py;
            if (inner == 1)
            {
                ParallelRunner.ForRanges(outer, (long)length * ParallelRunner.SoftmaxElementWeight, (start, end) =>
                    ForwardRows((float*)xs + ((long)start * length), (float*)ys + ((long)start * length), end - start, length, lanes));
                return;
            }

            const int Columns = SoftmaxColumns.StripColumns;
            int strips = (inner + Columns - 1) / Columns;
            int scratchFloats = blocked ? SoftmaxColumns.ScratchFloats(length, inner) : 0;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, Columns) * ParallelRunner.SoftmaxElementWeight, (start, end) =>
            {
                float[] scratch = ArrayPool<float>.Shared.Rent(scratchFloats);
                try
                {
                    fixed (float* ps = scratch)
                    {
                        for (int item = start; item < end; item++)
                        {
                            (long offset, int columns) = StripAt(item, strips, length, inner, Columns);
                            SoftmaxColumns.Forward((float*)xs + offset, (float*)ys + offset, length, inner, columns, lanes, ps, scratchFloats);
                        }
                    }
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(scratch);
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
                    (long offset, int columns) = StripAt(item, strips, length, inner, StripColumns);
                    BackwardStrip((float*)ys + offset, (float*)gs + offset, (float*)ds + offset, length, inner, columns);
                }
            });
        }
    }

    /// <summary>Where strip <paramref name="item"/> starts and how many columns (≤ <paramref name="width"/>) it has.</summary>
    private static (long Offset, int Columns) StripAt(int item, int strips, int length, int inner, int width)
    {
        int block = item / strips;
        int column = item % strips * width;
        return (((long)block * length * inner) + column, Math.Min(width, inner - column));
    }

    /// <summary>Consecutive rows with vectors of <paramref name="lanes"/> floats.</summary>
    private static void ForwardRows(float* x, float* y, int rows, int n, int lanes)
    {
        switch (lanes)
        {
            case 16:
                SoftmaxRows.Forward<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(x, y, rows, n);
                break;
            case 8:
                SoftmaxRows.Forward<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(x, y, rows, n);
                break;
            default:
                SoftmaxRows.Forward<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(x, y, rows, n);
                break;
        }
    }

    /// <summary>Σ g·y over a row in double, the same bits at every vector width (see the NOTE).</summary>
    private static double RowDot(float* y, float* g, int n)
    {
        // NOTE: the products go into sixteen double sums by index mod 16, added in one fixed order at the end, at any
        // width (two 8-double vectors, four 4-double vectors, or sixteen scalars): the order of a sum is part of its
        // value, and this keeps it the same everywhere. Four or more independent sums also hide the FMA's latency.
        const int Block = 16;
        double* slots = stackalloc double[Block];
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> a0 = Vector512<double>.Zero, a1 = Vector512<double>.Zero;
            for (; i + Block <= n; i += Block)
            {
                (Vector512<double> ylo, Vector512<double> yhi) = Vector512.Widen(Vector512.Load(y + i));
                (Vector512<double> glo, Vector512<double> ghi) = Vector512.Widen(Vector512.Load(g + i));
                a0 = Vector512.FusedMultiplyAdd(ylo, glo, a0);
                a1 = Vector512.FusedMultiplyAdd(yhi, ghi, a1);
            }

            a0.Store(slots);
            a1.Store(slots + 8);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; i + Block <= n; i += Block)
            {
                (Vector256<double> y0, Vector256<double> y1) = Vector256.Widen(Vector256.Load(y + i));
                (Vector256<double> g0, Vector256<double> g1) = Vector256.Widen(Vector256.Load(g + i));
                (Vector256<double> y2, Vector256<double> y3) = Vector256.Widen(Vector256.Load(y + i + 8));
                (Vector256<double> g2, Vector256<double> g3) = Vector256.Widen(Vector256.Load(g + i + 8));
                a0 = Vector256.FusedMultiplyAdd(y0, g0, a0);
                a1 = Vector256.FusedMultiplyAdd(y1, g1, a1);
                a2 = Vector256.FusedMultiplyAdd(y2, g2, a2);
                a3 = Vector256.FusedMultiplyAdd(y3, g3, a3);
            }

            a0.Store(slots);
            a1.Store(slots + 4);
            a2.Store(slots + 8);
            a3.Store(slots + 12);
        }
        else
        {
            for (int k = 0; k < Block; k++)
            {
                slots[k] = 0;
            }

            for (; i + Block <= n; i += Block)
            {
                for (int k = 0; k < Block; k++)
                {
                    slots[k] = Math.FusedMultiplyAdd(y[i + k], g[i + k], slots[k]);
                }
            }
        }

        double dot = 0;
        for (int k = 0; k < Block; k++)
        {
            dot += slots[k];
        }

        for (; i < n; i++)
        {
            dot = Math.FusedMultiplyAdd(y[i], g[i], dot);
        }

        return dot;
    }

    // The backward: the dot product Σ g·y accumulated in double and split into d + dLo (floats); then per element
    // t = g − d rounded once and dx = y·t − y·dLo as one FMA. Where g is within a factor 2 of d (the cancelling case)
    // t is exact (Sterbenz), elsewhere |t| ≥ |d|/2 and its rounding costs at most 2^-24 of the result: within 1.5 ULP,
    // plus 2^-47 of the backward's scale (|d| ≤ max|g|) for dLo's roundings. Float lanes at the widest width, the same
    // operations at every width and in the scalar tail, so every width gives the same bits. (Formed in double lanes,
    // y·(g − dot) rounded once, it ran 0.46 ns/element on rows of 1024, Zen 4, one thread.)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRow(float* y, float* g, float* dx, int n)
    {
        double dot = RowDot(y, g, n);
        float d = (float)dot;
        float minusDLo = -(float)(dot - d);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> vd = Vector512.Create(d), vLo = Vector512.Create(minusDLo);
            for (; i + 16 <= n; i += 16)
            {
                Vector512<float> yv = Vector512.Load(y + i);
                Vector512.FusedMultiplyAdd(yv, Vector512.Load(g + i) - vd, yv * vLo).Store(dx + i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> vd = Vector256.Create(d), vLo = Vector256.Create(minusDLo);
            for (; i + 8 <= n; i += 8)
            {
                Vector256<float> yv = Vector256.Load(y + i);
                Vector256.FusedMultiplyAdd(yv, Vector256.Load(g + i) - vd, yv * vLo).Store(dx + i);
            }
        }

        for (; i < n; i++)
        {
            float yi = y[i];
            dx[i] = MathF.FusedMultiplyAdd(yi, g[i] - d, yi * minusDLo);
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
