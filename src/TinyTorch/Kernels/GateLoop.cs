using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// The loops of the gated units: the input viewed as [outer, 2·half] (half = the halved axis length times the stride
/// after it), each block's first half a and second half b, the output [outer, half].
/// </summary>
/// <remarks>
/// Halving any dim leaves both halves of a block contiguous: along the last dim a block is one row; along an earlier
/// dim it is one [axisLength, stride] slab, whose first axisLength/2 · stride floats are a. So the strided case is the
/// row case with a longer half, and one element-wise loop over (a, b) pairs serves both, vectorized along the half.
/// The output (and, backward, dL/dx) must not overlap any input: it is a different shape, and the kernels refuse
/// overlap rather than define an order. So each segment can finish with one overlapping last vector instead of a
/// scalar tail (recomputing a few outputs from unchanged inputs), and segments shorter than a vector run at a narrower
/// width or, below 4 floats, on scalar lanes: every width runs the same float operations, so all agree bit for bit.
/// Threads: the output is cut into ranges of whole 16-float blocks (<see cref="ParallelRunner.ForRanges"/>), weighted
/// as a heavy element-wise operator's (<see cref="ParallelRunner.HeavyElementWeight"/>); each output is computed by
/// one thread with the same code, so results do not depend on the thread count.
/// </remarks>
internal static unsafe class GateLoop
{
    private const int Block = 16;

    /// <summary>y[o, j] = TOp(x[o, j], x[o, half + j]) for o &lt; outer, j &lt; half.</summary>
    public static void Forward<TOp>(ReadOnlySpan<float> x, Span<float> y, int outer, int half)
        where TOp : struct, IGateOperator
    {
        int total = checked(outer * half);
        if (total == 0)
        {
            return;
        }

        fixed (float* px = x, py = y)
        {
            int blocks = (total + Block - 1) / Block;
            if (Threads(total, blocks) <= 1)
            {
                ForwardRange<TOp>(px, py, half, 0, total);
                return;
            }

            ForwardOnThreads<TOp>(px, py, half, total, blocks);
        }
    }

    /// <summary>dx[o, j] = dL/da and dx[o, half + j] = dL/db from g[o, j] and the forward's x.</summary>
    public static void Backward<TOp>(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> x, Span<float> dx, int outer, int half)
        where TOp : struct, IGateOperator
    {
        int total = checked(outer * half);
        if (total == 0)
        {
            return;
        }

        fixed (float* pg = gradOutput, px = x, pd = dx)
        {
            int blocks = (total + Block - 1) / Block;
            if (Threads(total, blocks) <= 1)
            {
                BackwardRange<TOp>(pg, px, pd, half, 0, total);
                return;
            }

            BackwardOnThreads<TOp>(pg, px, pd, half, total, blocks);
        }
    }

    /// <summary>
    /// The forward over <paramref name="count"/> ≥ <c>TM.Count</c> consecutive pairs at one width, whole vectors then one
    /// overlapping last vector; the body is inlined once here (ElementwiseLoop.Heavy.cs says why that matters).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run<TOp, TV, TL, TM>(float* a, float* b, float* y, nuint count)
        where TOp : struct, IGateOperator
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        nuint w = (nuint)TM.Count;
        nuint i = 0;
        while (true)
        {
            TM.Store(TOp.Forward<TV, TL>(TM.Load(a + i), TM.Load(b + i)), y + i);
            if (i + w == count)
            {
                return;
            }

            i = i + (2 * w) <= count ? i + w : count - w;
        }
    }

    /// <summary>The backward over <paramref name="count"/> ≥ <c>TM.Count</c> pairs at one width, as <see cref="Run{TOp, TV, TL, TM}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunBackward<TOp, TV, TL, TM>(float* g, float* a, float* b, float* da, float* db, nuint count)
        where TOp : struct, IGateOperator
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        nuint w = (nuint)TM.Count;
        nuint i = 0;
        while (true)
        {
            TV gradA = TOp.Backward<TV, TL>(TM.Load(a + i), TM.Load(b + i), TM.Load(g + i), out TV gradB);
            TM.Store(gradA, da + i);
            TM.Store(gradB, db + i);
            if (i + w == count)
            {
                return;
            }

            i = i + (2 * w) <= count ? i + w : count - w;
        }
    }

    /// <summary><see cref="Run{TOp, TV, TL, TM}"/> over spans (for the tests: one width, no threads, no halves).</summary>
    internal static void RunAt<TOp, TV, TL, TM>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
        where TOp : struct, IGateOperator
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        fixed (float* pa = a, pb = b, py = y)
        {
            Run<TOp, TV, TL, TM>(pa, pb, py, (nuint)a.Length);
        }
    }

    /// <summary><see cref="RunBackward{TOp, TV, TL, TM}"/> over spans (for the tests).</summary>
    internal static void RunBackwardAt<TOp, TV, TL, TM>(ReadOnlySpan<float> g, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> da, Span<float> db)
        where TOp : struct, IGateOperator
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        fixed (float* pg = g, pa = a, pb = b, pda = da, pdb = db)
        {
            RunBackward<TOp, TV, TL, TM>(pg, pa, pb, pda, pdb, (nuint)a.Length);
        }
    }

    private static int Threads(int total, int blocks) =>
        Math.Min(ParallelRunner.ThreadsFor(ParallelRunner.Work(total, light: false)), blocks);

    // NOTE: the threaded halves live in their own methods, as in ParallelRunner: a lambda capturing a method's locals
    // makes the compiler allocate its closure at the start of that method, on the single-threaded path too.
    private static void ForwardOnThreads<TOp>(float* px, float* py, int half, int total, int blocks)
        where TOp : struct, IGateOperator
    {
        nint xs = (nint)px, ys = (nint)py;
        ParallelRunner.ForRanges(blocks, Block * (long)ParallelRunner.HeavyElementWeight, (start, end) =>
            ForwardRange<TOp>((float*)xs, (float*)ys, half, start * Block, Math.Min(end * Block, total)));
    }

    private static void BackwardOnThreads<TOp>(float* pg, float* px, float* pd, int half, int total, int blocks)
        where TOp : struct, IGateOperator
    {
        nint gs = (nint)pg, xs = (nint)px, ds = (nint)pd;
        ParallelRunner.ForRanges(blocks, Block * (long)ParallelRunner.HeavyElementWeight, (start, end) =>
            BackwardRange<TOp>((float*)gs, (float*)xs, (float*)ds, half, start * Block, Math.Min(end * Block, total)));
    }

    /// <summary>Outputs [start, end) of the [outer, half] output, block by block.</summary>
    private static void ForwardRange<TOp>(float* x, float* y, int half, int start, int end)
        where TOp : struct, IGateOperator
    {
        int o = start / half, j = start % half;
        for (int position = start; position < end; o++, j = 0)
        {
            int count = Math.Min(half - j, end - position);
            float* a = x + ((2L * o * half) + j);
            Segment<TOp>(a, a + half, y + position, (nuint)count);
            position += count;
        }
    }

    private static void BackwardRange<TOp>(float* g, float* x, float* dx, int half, int start, int end)
        where TOp : struct, IGateOperator
    {
        int o = start / half, j = start % half;
        for (int position = start; position < end; o++, j = 0)
        {
            int count = Math.Min(half - j, end - position);
            long offset = (2L * o * half) + j;
            SegmentBackward<TOp>(g + position, x + offset, x + offset + half, dx + offset, dx + offset + half, (nuint)count);
            position += count;
        }
    }

    private static void Segment<TOp>(float* a, float* b, float* y, nuint count)
        where TOp : struct, IGateOperator
    {
        if (Vector512.IsHardwareAccelerated && count >= 16)
        {
            Run<TOp, Vector512<float>, FloatLanes512, FloatMemoryLanes512>(a, b, y, count);
        }
        else if (Vector256.IsHardwareAccelerated && count >= 8)
        {
            Run<TOp, Vector256<float>, FloatLanes256, FloatMemoryLanes256>(a, b, y, count);
        }
        else if (Vector128.IsHardwareAccelerated && count >= 4)
        {
            Run<TOp, Vector128<float>, FloatLanes128, FloatMemoryLanes128>(a, b, y, count);
        }
        else
        {
            Run<TOp, float, FloatScalarLanes, FloatMemoryScalarLanes>(a, b, y, count);
        }
    }

    private static void SegmentBackward<TOp>(float* g, float* a, float* b, float* da, float* db, nuint count)
        where TOp : struct, IGateOperator
    {
        if (Vector512.IsHardwareAccelerated && count >= 16)
        {
            RunBackward<TOp, Vector512<float>, FloatLanes512, FloatMemoryLanes512>(g, a, b, da, db, count);
        }
        else if (Vector256.IsHardwareAccelerated && count >= 8)
        {
            RunBackward<TOp, Vector256<float>, FloatLanes256, FloatMemoryLanes256>(g, a, b, da, db, count);
        }
        else if (Vector128.IsHardwareAccelerated && count >= 4)
        {
            RunBackward<TOp, Vector128<float>, FloatLanes128, FloatMemoryLanes128>(g, a, b, da, db, count);
        }
        else
        {
            RunBackward<TOp, float, FloatScalarLanes, FloatMemoryScalarLanes>(g, a, b, da, db, count);
        }
    }
}
