using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Log-softmax and its backward over every slice of a tensor viewed as [outer, length, inner], multi-core: the math is
/// <see cref="LogSoftmaxRows"/>' (within 1 ULP; the proof is there).
/// </summary>
/// <remarks>
/// A dimension that is not the last (inner &gt; 1) is worked in strips of up to 64 neighbouring columns: the strip is
/// gathered into contiguous rows of a scratch (each input row gives one contiguous piece of up to 256 bytes, prefetched
/// a few rows ahead: rows a page or more apart defeat the hardware prefetcher), the row path runs on them in place, and
/// the result is scattered back. So every dim gets the same bits as the last dim of the
/// transposed tensor, whatever the vector width and thread count, at the cost of one more pass through a scratch that
/// stays in cache.
/// </remarks>
internal static unsafe class LogSoftmaxKernel
{
    /// <summary>Columns per strip at most; fewer for long columns, so that a strip's scratch stays within 256 KiB.</summary>
    private const int StripColumns = 64;

    /// <summary>How many rows ahead the gather and scatter prefetch.</summary>
    private const int PrefetchRows = 8;

    private const int ScratchTargetFloats = 65536;

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

            int columns = StripWidth(length);
            int pitch = Pitch(length);
            int strips = (inner + columns - 1) / columns;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, columns) * ParallelRunner.SoftmaxElementWeight, (start, end) =>
                WithScratch(((long)columns * pitch) + length, scratch =>
                {
                    float* terms = scratch + ((long)columns * pitch);
                    for (int item = start; item < end; item++)
                    {
                        (long offset, int width) = StripAt(item, strips, length, inner, columns);
                        Gather((float*)xs + offset, scratch, length, pitch, inner, width);
                        for (int c = 0; c < width; c++)
                        {
                            float* row = scratch + ((long)c * pitch);
                            ForwardRows(row, row, 1, length, terms, lanes);
                        }

                        Scatter(scratch, (float*)ys + offset, length, pitch, inner, width);
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

            int columns = StripWidth(length);
            int pitch = Pitch(length);
            int strips = (inner + columns - 1) / columns;
            ParallelRunner.ForRanges(outer * strips, (long)length * Math.Min(inner, columns), (start, end) =>
                WithScratch(2L * columns * pitch, scratch =>
                {
                    float* ysc = scratch + ((long)columns * pitch);
                    for (int item = start; item < end; item++)
                    {
                        (long offset, int width) = StripAt(item, strips, length, inner, columns);
                        Gather((float*)gs + offset, scratch, length, pitch, inner, width);
                        Gather((float*)ys + offset, ysc, length, pitch, inner, width);
                        for (int c = 0; c < width; c++)
                        {
                            long at = (long)c * pitch;
                            BackwardRows(scratch + at, ysc + at, scratch + at, 1, length, lanes);
                        }

                        Scatter(scratch, (float*)ds + offset, length, pitch, inner, width);
                    }
                }));
        }
    }

    private static int StripWidth(int length) => Math.Clamp(ScratchTargetFloats / Pitch(length), 1, StripColumns);

    /// <summary>
    /// The distance between the scratch rows: the length rounded up to whole cache lines, plus one line. NOTE: rows a
    /// power of two apart (4 KiB for 1024 floats) all fall into one cache set, and the gather's 64 stores per input row
    /// would evict one another; the extra line moves each row to the next set.
    /// </summary>
    private static int Pitch(int length) => ((length + 15) & ~15) + 16;

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

    /// <summary>Where strip <paramref name="item"/> starts and how many columns (≤ <paramref name="width"/>) it has.</summary>
    private static (long Offset, int Columns) StripAt(int item, int strips, int length, int inner, int width)
    {
        int block = item / strips;
        int column = item % strips * width;
        return (((long)block * length * inner) + column, Math.Min(width, inner - column));
    }

    /// <summary>Column c of the strip at <paramref name="source"/> into row c of <paramref name="rows"/> (rows <paramref name="pitch"/> apart).</summary>
    private static void Gather(float* source, float* rows, int length, int pitch, int stride, int columns)
    {
        for (int i = 0; i < length; i++)
        {
            float* piece = source + ((long)i * stride);
            Prefetch(piece, i, length, stride, columns);
            for (int c = 0; c < columns; c++)
            {
                rows[((long)c * pitch) + i] = piece[c];
            }
        }
    }

    /// <summary>Row c of <paramref name="rows"/> (rows <paramref name="pitch"/> apart) back into column c of the strip at <paramref name="destination"/>.</summary>
    private static void Scatter(float* rows, float* destination, int length, int pitch, int stride, int columns)
    {
        for (int i = 0; i < length; i++)
        {
            float* piece = destination + ((long)i * stride);
            Prefetch(piece, i, length, stride, columns);
            for (int c = 0; c < columns; c++)
            {
                piece[c] = rows[((long)c * pitch) + i];
            }
        }
    }

    /// <summary>The piece <see cref="PrefetchRows"/> rows below <paramref name="piece"/> (row <paramref name="i"/>), one prefetch per cache line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(float* piece, int i, int length, int stride, int columns)
    {
        if (Sse.IsSupported && i + PrefetchRows < length)
        {
            float* ahead = piece + ((long)PrefetchRows * stride);
            for (int c = 0; c < columns; c += 16)
            {
                Sse.Prefetch0(ahead + c);
            }
        }
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
