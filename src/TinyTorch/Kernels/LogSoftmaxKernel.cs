using System.Buffers;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Log-softmax and its backward over every slice of a tensor viewed as [outer, length, inner], multi-core: rows (the last
/// dim, inner = 1) through <see cref="LogSoftmaxRows"/>, other dims through <see cref="LogSoftmaxColumns"/> (each within
/// 1 ULP, ≤ 0.69 ULP for every normal y; the proofs are there).
/// </summary>
/// <remarks>
/// A dimension that is not the last (inner &gt; 1) is worked in strips of up to 64 neighbouring columns (a 256-byte
/// piece of each row), with vectors across the columns, in place. (It used to gather each strip into contiguous rows of
/// a scratch, run the row path there and scatter the result back: the row path's bits for every dim, but two more
/// passes through memory; measured 1.6 times libtorch's time forward on (64, 1024, 16) over dim 1.) Rows and strips are
/// split over <see cref="ParallelRunner.ForRanges"/>, each slice worked by one thread, so the bits do not depend on the
/// thread count.
/// </remarks>
internal static unsafe class LogSoftmaxKernel
{
    /// <summary>Columns per strip at most.</summary>
    private const int StripColumns = LogSoftmaxColumns.StripColumns;

    /// <summary>Log-softmax of each slice of x into y (y may be x), at the widest vector width.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner) =>
        Forward(x, y, outer, length, inner, SoftmaxKernel.WidestLanes);

    /// <summary>Log-softmax of each slice, with vectors of <paramref name="lanes"/> floats (16, 8 or 4; for the tests).</summary>
    internal static void Forward(ReadOnlySpan<float> x, Span<float> y, int outer, int length, int inner, int lanes)
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
                    WithScratch(length, terms =>
                        ForwardRows((float*)xs + ((long)start * length), (float*)ys + ((long)start * length), end - start, length, terms, lanes)));
                return;
            }

            int strips = (inner + StripColumns - 1) / StripColumns;
            int scratchFloats = LogSoftmaxColumns.ScratchFloats(length, inner);
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, StripColumns) * ParallelRunner.SoftmaxElementWeight, (start, end) =>
                WithScratch(scratchFloats, scratch =>
                {
                    for (int item = start; item < end; item++)
                    {
                        (long offset, int width) = StripAt(item, strips, length, inner);
                        LogSoftmaxColumns.Forward((float*)xs + offset, (float*)ys + offset, length, inner, width, lanes, scratchFloats > 0 ? scratch : null);
                    }
                }));
        }
    }

    /// <summary>dx = g − e^y·Σg per slice (dx may be g or y), at the widest vector width.</summary>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int outer, int length, int inner) =>
        Backward(g, y, dx, outer, length, inner, SoftmaxKernel.WidestLanes);

    /// <summary>dx = g − e^y·Σg per slice, with vectors of <paramref name="lanes"/> floats (16, 8 or 4; for the tests).</summary>
    internal static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int outer, int length, int inner, int lanes)
    {
        if (outer == 0 || length == 0 || inner == 0)
        {
            return;
        }

        fixed (float* pg = g, py = y, pd = dx)
        {
            nint gs = (nint)pg, ys = (nint)py, ds = (nint)pd;
            if (inner == 1)
            {
                ParallelRunner.ForRanges(outer, length, (start, end) =>
                {
                    long o = (long)start * length;
                    BackwardRows((float*)gs + o, (float*)ys + o, (float*)ds + o, end - start, length, lanes);
                });
                return;
            }

            int strips = (inner + StripColumns - 1) / StripColumns;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, StripColumns), (start, end) =>
            {
                for (int item = start; item < end; item++)
                {
                    (long offset, int width) = StripAt(item, strips, length, inner);
                    LogSoftmaxColumns.Backward((float*)gs + offset, (float*)ys + offset, (float*)ds + offset, length, inner, width, lanes);
                }
            });
        }
    }

    private delegate void ScratchBody(float* scratch);

    /// <summary>Runs <paramref name="body"/> with a pooled scratch of at least <paramref name="floats"/> floats.</summary>
    private static void WithScratch(long floats, ScratchBody body)
    {
        float[] scratch = ArrayPool<float>.Shared.Rent((int)floats);
        try
        {
            fixed (float* p = scratch)
            {
                body(p);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scratch);
        }
    }

    /// <summary>Where strip <paramref name="item"/> starts and how many columns (≤ <see cref="StripColumns"/>) it has.</summary>
    private static (long Offset, int Columns) StripAt(int item, int strips, int length, int inner)
    {
        int block = item / strips;
        int column = item % strips * StripColumns;
        return (((long)block * length * inner) + column, Math.Min(StripColumns, inner - column));
    }

    private static void BackwardRows(float* g, float* y, float* dx, int rows, int n, int lanes)
    {
        switch (lanes)
        {
            case 16:
                LogSoftmaxRows.Backward<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(g, y, dx, rows, n);
                break;
            case 8:
                LogSoftmaxRows.Backward<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(g, y, dx, rows, n);
                break;
            default:
                LogSoftmaxRows.Backward<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(g, y, dx, rows, n);
                break;
        }
    }

    private static void ForwardRows(float* x, float* y, int rows, int n, float* terms, int lanes)
    {
        switch (lanes)
        {
            case 16:
                LogSoftmaxRows.Forward<Vector512<float>, FloatLanes512, FloatMemoryLanes512>(x, y, rows, n, terms);
                break;
            case 8:
                LogSoftmaxRows.Forward<Vector256<float>, FloatLanes256, FloatMemoryLanes256>(x, y, rows, n, terms);
                break;
            default:
                LogSoftmaxRows.Forward<Vector128<float>, FloatLanes128, FloatMemoryLanes128>(x, y, rows, n, terms);
                break;
        }
    }
}
