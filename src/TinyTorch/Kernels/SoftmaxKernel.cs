using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
/// <para>Backward: Σ g·y in double (over rows sixteen fixed partial sums; over other dims one sum per column, in
/// order), then y·(g − Σ) in float lanes within 1.5 ULP (plus 2^-47 of the backward's scale); see
/// <see cref="BackwardRow"/>. The columns of a strip use the rows' formula lane by lane, so a column's bits do not
/// depend on whether it fell in a vector or in the scalar remainder.</para>
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
        // width (four 4-double vectors or sixteen scalars): the order of a sum is part of its
        // value, and this keeps it the same everywhere. Four or more independent sums also hide the FMA's latency.
        const int Block = 16;
        double* slots = stackalloc double[Block];
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // NOTE: four float lanes at a time, converted straight from memory (vcvtps2pd ymm, [mem]), on AVX-512
            // machines too: Vector512.Widen of a loaded vector adds a lane extract per half, and the converts were the
            // bottleneck: 0.142 → 0.101 ns/element for the dot alone (rows of 1024 in L2, Zen 4; a float dot runs 0.093).
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; i + Block <= n; i += Block)
            {
                a0 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Double(Vector128.Load(y + i)), Avx.ConvertToVector256Double(Vector128.Load(g + i)), a0);
                a1 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Double(Vector128.Load(y + i + 4)), Avx.ConvertToVector256Double(Vector128.Load(g + i + 4)), a1);
                a2 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Double(Vector128.Load(y + i + 8)), Avx.ConvertToVector256Double(Vector128.Load(g + i + 8)), a2);
                a3 = Vector256.FusedMultiplyAdd(Avx.ConvertToVector256Double(Vector128.Load(y + i + 12)), Avx.ConvertToVector256Double(Vector128.Load(g + i + 12)), a3);
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

        // NOTE: the sums live in eight registers, not in a stackalloc'd array: there every step was a load, an FMA and a
        // store, and the loop waited on store forwarding (0.53 against 0.39 ns/element over dim 1 of (16, 1024, 16),
        // Zen 4). All of a row's vectors are read together (whole cache lines across the stride: going down the
        // stride one vector at a time ran 2–4× slower). The tests on vectors are the same every row: predicted.
        Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0, s6 = s0, s7 = s0;
        for (int i = 0; i < length; i++)
        {
            float* yr = y + ((long)i * stride), gr = g + ((long)i * stride);
            Accumulate(yr, gr, ref s0, ref s1);
            if (vectors > 1)
            {
                Accumulate(yr + Width, gr + Width, ref s2, ref s3);
            }

            if (vectors > 2)
            {
                Accumulate(yr + (2 * Width), gr + (2 * Width), ref s4, ref s5);
            }

            if (vectors > 3)
            {
                Accumulate(yr + (3 * Width), gr + (3 * Width), ref s6, ref s7);
            }
        }

        // Each column's Σ as d + dLo in float lanes, then the rows' formula (see BackwardRow) lane by lane.
        (Vector256<float> d0, Vector256<float> m0) = Split(s0, s1);
        (Vector256<float> d1, Vector256<float> m1) = Split(s2, s3);
        (Vector256<float> d2, Vector256<float> m2) = Split(s4, s5);
        (Vector256<float> d3, Vector256<float> m3) = Split(s6, s7);
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            Apply(y + k, g + k, dx + k, d0, m0);
            if (vectors > 1)
            {
                Apply(y + k + Width, g + k + Width, dx + k + Width, d1, m1);
            }

            if (vectors > 2)
            {
                Apply(y + k + (2 * Width), g + k + (2 * Width), dx + k + (2 * Width), d2, m2);
            }

            if (vectors > 3)
            {
                Apply(y + k + (3 * Width), g + k + (3 * Width), dx + k + (3 * Width), d3, m3);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(float* y, float* g, ref Vector256<double> lower, ref Vector256<double> upper)
    {
        (Vector256<double> ylo, Vector256<double> yhi) = WidenFromMemory(y);
        (Vector256<double> glo, Vector256<double> ghi) = WidenFromMemory(g);
        lower = Vector256.FusedMultiplyAdd(ylo, glo, lower);
        upper = Vector256.FusedMultiplyAdd(yhi, ghi, upper);
    }

    /// <summary>Eight double sums as d = their float roundings and −dLo = −(Σ − d) rounded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> D, Vector256<float> MinusDLo) Split(Vector256<double> lower, Vector256<double> upper)
    {
        Vector256<float> d = Vector256.Narrow(lower, upper);
        (Vector256<double> dl, Vector256<double> dh) = Vector256.Widen(d);
        return (d, -Vector256.Narrow(lower - dl, upper - dh));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Apply(float* y, float* g, float* dx, Vector256<float> d, Vector256<float> minusDLo)
    {
        Vector256<float> yv = Vector256.Load(y);
        Vector256.FusedMultiplyAdd(yv, Vector256.Load(g) - d, yv * minusDLo).Store(dx);
    }

    /// <summary>Eight floats at <paramref name="p"/> as two vectors of doubles, converted straight from memory.</summary>
    /// <remarks>NOTE: two vcvtps2pd with a memory operand instead of a load, a convert, a lane extract and a second
    /// convert (Vector256.Widen): the converts bound the backward's dot product.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double> Lower, Vector256<double> Upper) WidenFromMemory(float* p) =>
        (Avx.ConvertToVector256Double(Vector128.Load(p)), Avx.ConvertToVector256Double(Vector128.Load(p + 4)));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardColumn(float* y, float* g, float* dx, int length, int stride)
    {
        double dot = 0;
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            dot = Math.FusedMultiplyAdd(y[k], g[k], dot);
        }

        float d = (float)dot;
        float minusDLo = -(float)(dot - d);
        for (int i = 0; i < length; i++)
        {
            long k = (long)i * stride;
            float yk = y[k];
            dx[k] = MathF.FusedMultiplyAdd(yk, g[k] - d, yk * minusDLo);
        }
    }
}
