using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.Operators;

namespace TinyTorch.Kernels;

/// <summary>
/// PReLU over a contiguous [outer, channels, inner] view: element (o, c, i) has slope weight[c]. Callers validate the
/// spans and the layout first (<see cref="ActivationKernels.PReLU(ReadOnlySpan{float}, Span{float}, ReadOnlySpan{float}, int)"/>).
/// </summary>
/// <remarks>
/// Two layouts, one answer. Where the channel changes no faster than every <see cref="RowMinInner"/> elements (a
/// [batch, channels, height, width] input, or one shared slope), each row of inner elements has one slope and runs
/// LeakyReLU's own operators, vectorized along inner. Where it changes faster (a [batch, channels] input, inner = 1),
/// the slopes are laid out once as a row like one slice of the input (repeated to at least <see cref="BlockMin"/>
/// elements), and each block runs against that row, vectorized along the channels. Each element gets the same bits
/// either way (x &gt; 0 ? x : slope·x). Work is split into units whose boundaries depend on the layout only, never on
/// the thread count: each unit's partial weight-gradient sums are kept and added in unit order, so dL/dweight is the
/// same whatever the number of threads.
/// <para>
/// dL/dweight[c] = Σ x·g over the channel's elements where x ≤ 0 (or NaN): each product of two floats is exact in
/// double (48 significant bits), the products are accumulated in double and rounded to float once at the end, so the
/// result is the float nearest the true sum up to n·2^-53·Σ|x·g| (n the channel's element count): for n below 2^24,
/// under half a float ULP of Σ|x·g|. PyTorch accumulates in float.
/// </para>
/// </remarks>
internal static unsafe class PReLUKernel
{
    /// <summary>The shortest row of one slope that runs as a row; shorter ones run against a row of slopes.</summary>
    internal const int RowMinInner = 64;

    /// <summary>Rows (pieces) shorter than this skip the shared loop's set-up (<see cref="ShortRowForward"/>).</summary>
    internal const int ShortRow = 1024;

    /// <summary>The longest stretch of one row one unit of work covers: long rows split into pieces of this length.</summary>
    internal const int PieceLength = 16384;

    /// <summary>The shortest block of the row-of-slopes layout: small slices are repeated to at least this length.</summary>
    internal const int BlockMin = 256;

    /// <summary>The fewest blocks per unit: bounds the per-unit partial sums to one double per 16 elements of input.</summary>
    internal const int MinBlocksPerUnit = 16;

    /// <summary>y = PReLU(x) with slope weight[c] for channel c.</summary>
    public static void Forward(ReadOnlySpan<float> x, Span<float> y, ReadOnlySpan<float> weight, int inner)
    {
        // NOTE: one shared slope is LeakyReLU at that slope, element for element: its operator and its parallel loop.
        if (weight.Length == 1)
        {
            ParallelRunner.Unary(new LeakyReLUOperator(weight[0]), x, y);
            return;
        }

        if (x.Length == 0)
        {
            return;
        }

        fixed (float* px = x, py = y, pw = weight)
        {
            if (inner >= RowMinInner)
            {
                var rows = new Rows(x.Length, weight.Length, inner);
                if (ParallelRunner.ThreadsFor(x.Length) <= 1 || rows.Units == 1)
                {
                    RowsForward(px, py, pw, rows, 0, rows.Units);
                }
                else
                {
                    RowsForwardOnThreads(px, py, pw, rows);
                }

                return;
            }

            var blocks = new Blocks(x.Length, weight.Length, inner);
            float[] pattern = ArrayPool<float>.Shared.Rent(blocks.Length);
            try
            {
                blocks.FillPattern(weight, pattern);
                fixed (float* ps = pattern)
                {
                    if (ParallelRunner.ThreadsFor(x.Length) <= 1 || blocks.Count == 1)
                    {
                        BlocksForward(px, py, ps, blocks, 0, blocks.Count);
                    }
                    else
                    {
                        BlocksForwardOnThreads(px, py, ps, blocks);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(pattern);
            }
        }
    }

    /// <summary>dx = g where x &gt; 0, g·weight[c] elsewhere; dw[c] = Σ x·g over channel c's elements where x ≤ 0 or NaN.</summary>
    public static void Backward(ReadOnlySpan<float> g, ReadOnlySpan<float> x, Span<float> dx, ReadOnlySpan<float> weight, int inner, Span<float> dw)
    {
        int channels = weight.Length;
        if (x.Length == 0)
        {
            dw[..channels].Clear();
            return;
        }

        if (channels == 1)
        {
            inner = x.Length;   // one slope: the whole tensor is one row
        }

        fixed (float* pg = g, px = x, pdx = dx, pw = weight)
        {
            if (inner >= RowMinInner)
            {
                RowsBackward(pg, px, pdx, pw, new Rows(x.Length, channels, inner), dw);
            }
            else
            {
                BlocksBackward(pg, px, pdx, weight, new Blocks(x.Length, channels, inner), dw);
            }
        }
    }

    // ---- rows: one slope per row of inner elements, rows split into pieces of at most PieceLength ----

    // NOTE: the loops over units are AggressiveOptimization, as ElementwiseLoop's: a call runs each once, over many
    // units, so tiered compilation would leave them in their first, slow version (measured 3x on 256-element rows).

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowsForward(float* x, float* y, float* w, Rows rows, int first, int end)
    {
        for (int u = first; u < end; u++)
        {
            (long start, int length, int channel) = rows.Piece(u);
            var op = new LeakyReLUOperator(w[channel]);
            if (length >= ShortRow)
            {
                ElementwiseLoop.Unary(op, new ReadOnlySpan<float>(x + start, length), new Span<float>(y + start, length), nonTemporal: false);
            }
            else
            {
                ShortRowForward(op, x + start, y + start, length);
            }
        }
    }

    /// <summary>
    /// A short row (a 7×7 feature map, say) without the shared loop's head alignment and unrolling, whose set-up costs
    /// more than such a row's work: the widest vectors, then one of each narrower width, then at most 3 scalars. Every
    /// width gives the scalar bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShortRowForward(in LeakyReLUOperator op, float* x, float* y, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512.Store(op.Invoke(Vector512.Load(x + i)), y + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.Store(op.Invoke(Vector256.Load(x + i)), y + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                Vector128.Store(op.Invoke(Vector128.Load(x + i)), y + i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = op.Invoke(x[i]);
        }
    }

    // NOTE: the threaded halves live in their own methods so a single-threaded call allocates no closure (ParallelRunner.cs).
    private static void RowsForwardOnThreads(float* x, float* y, float* w, Rows rows)
    {
        nint xs = (nint)x, ys = (nint)y, ws = (nint)w;
        ParallelRunner.ForRanges(rows.Units, rows.UnitLength, (first, end) => RowsForward((float*)xs, (float*)ys, (float*)ws, rows, first, end));
    }

    private static void RowsBackward(float* g, float* x, float* dx, float* w, Rows rows, Span<float> dw)
    {
        double[] partials = ArrayPool<double>.Shared.Rent(rows.Units);
        try
        {
            fixed (double* pp = partials)
            {
                if (ParallelRunner.ThreadsFor(rows.Elements) <= 1 || rows.Units == 1)
                {
                    RowsBackward(g, x, dx, w, rows, pp, 0, rows.Units);
                }
                else
                {
                    RowsBackwardOnThreads(g, x, dx, w, rows, pp);
                }
            }

            // Rows in order, each row's pieces in order: a fixed order, whatever the threads did.
            for (int c = 0; c < rows.Channels; c++)
            {
                double sum = 0;
                for (int u = c * rows.PiecesPerRow; u < rows.Units; u += rows.Channels * rows.PiecesPerRow)
                {
                    for (int p = 0; p < rows.PiecesPerRow; p++)
                    {
                        sum += partials[u + p];
                    }
                }

                dw[c] = (float)sum;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowsBackward(float* g, float* x, float* dx, float* w, Rows rows, double* partials, int first, int end)
    {
        for (int u = first; u < end; u++)
        {
            (long start, int length, int channel) = rows.Piece(u);
            partials[u] = RowBackward(g + start, x + start, dx + start, length, w[channel]);
        }
    }

    private static void RowsBackwardOnThreads(float* g, float* x, float* dx, float* w, Rows rows, double* partials)
    {
        nint gs = (nint)g, xs = (nint)x, dxs = (nint)dx, ws = (nint)w, ps = (nint)partials;
        ParallelRunner.ForRanges(rows.Units, rows.UnitLength, (first, end) =>
            RowsBackward((float*)gs, (float*)xs, (float*)dxs, (float*)ws, rows, (double*)ps, first, end));
    }

    /// <summary>One row piece with one slope: writes dx, returns Σ x·g where x ≤ 0 or NaN, in double.</summary>
    /// <remarks>
    /// NOTE: both x and g are zeroed where x &gt; 0 before the product, not x alone: 0·g would be NaN for an infinite
    /// g, where PyTorch's x &gt; 0 ? 0 : x·g gives 0. dx is loaded before it is stored, so dx may be g or x (in place).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double RowBackward(float* g, float* x, float* dx, int n, float slope)
    {
        var op = new LeakyReLUBackwardOperator(slope);
        double sum = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            Vector512<double> a0 = default, a1 = default;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> xv = Vector512.Load(x + i), gv = Vector512.Load(g + i);
                Vector512<float> positive = Vector512.GreaterThan(xv, Vector512<float>.Zero);
                Vector512.Store(op.Invoke(xv, gv), dx + i);
                (Vector512<double> xl, Vector512<double> xh) = Vector512.Widen(Vector512.AndNot(xv, positive));
                (Vector512<double> gl, Vector512<double> gh) = Vector512.Widen(Vector512.AndNot(gv, positive));
                a0 += xl * gl;
                a1 += xh * gh;
            }

            sum += Vector512.Sum(a0 + a1);
        }

        // NOTE: the narrower widths take what is left (on a machine with wider vectors, at most one step each), so a
        // short tail is not scalar; the sum's order is still fixed by n alone.
        if (Vector256.IsHardwareAccelerated && n - i >= Vector256<float>.Count)
        {
            Vector256<double> a0 = default, a1 = default;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> xv = Vector256.Load(x + i), gv = Vector256.Load(g + i);
                Vector256<float> positive = Vector256.GreaterThan(xv, Vector256<float>.Zero);
                Vector256.Store(op.Invoke(xv, gv), dx + i);
                (Vector256<double> xl, Vector256<double> xh) = Vector256.Widen(Vector256.AndNot(xv, positive));
                (Vector256<double> gl, Vector256<double> gh) = Vector256.Widen(Vector256.AndNot(gv, positive));
                a0 += xl * gl;
                a1 += xh * gh;
            }

            sum += Vector256.Sum(a0 + a1);
        }

        if (Vector128.IsHardwareAccelerated && n - i >= Vector128<float>.Count)
        {
            Vector128<double> a0 = default, a1 = default;
            for (; i <= n - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                Vector128<float> xv = Vector128.Load(x + i), gv = Vector128.Load(g + i);
                Vector128<float> positive = Vector128.GreaterThan(xv, Vector128<float>.Zero);
                Vector128.Store(op.Invoke(xv, gv), dx + i);
                (Vector128<double> xl, Vector128<double> xh) = Vector128.Widen(Vector128.AndNot(xv, positive));
                (Vector128<double> gl, Vector128<double> gh) = Vector128.Widen(Vector128.AndNot(gv, positive));
                a0 += xl * gl;
                a1 += xh * gh;
            }

            sum += Vector128.Sum(a0 + a1);
        }

        for (; i < n; i++)
        {
            float xi = x[i], gi = g[i];
            dx[i] = op.Invoke(xi, gi);
            if (!(xi > 0f))
            {
                sum += (double)xi * gi;
            }
        }

        return sum;
    }

    // ---- blocks: a row of slopes laid out like one slice, repeated to at least BlockMin elements ----

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlocksForward(float* x, float* y, float* pattern, Blocks blocks, int first, int end)
    {
        for (int b = first; b < end; b++)
        {
            (long start, int length) = blocks.Block(b);
            BlockForward(x + start, y + start, pattern, length);
        }
    }

    /// <summary>One block against the row of slopes, the widths as in <see cref="ShortRowForward"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlockForward(float* x, float* y, float* s, int n)
    {
        var op = default(PReLUOperator);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512.Store(op.Invoke(Vector512.Load(x + i), Vector512.Load(s + i)), y + i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256.Store(op.Invoke(Vector256.Load(x + i), Vector256.Load(s + i)), y + i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                Vector128.Store(op.Invoke(Vector128.Load(x + i), Vector128.Load(s + i)), y + i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = op.Invoke(x[i], s[i]);
        }
    }

    private static void BlocksForwardOnThreads(float* x, float* y, float* pattern, Blocks blocks)
    {
        nint xs = (nint)x, ys = (nint)y, ps = (nint)pattern;
        ParallelRunner.ForRanges(blocks.Count, blocks.Length, (first, end) => BlocksForward((float*)xs, (float*)ys, (float*)ps, blocks, first, end));
    }

    private static void BlocksBackward(float* g, float* x, float* dx, ReadOnlySpan<float> weight, Blocks blocks, Span<float> dw)
    {
        int channels = weight.Length;
        float[] pattern = ArrayPool<float>.Shared.Rent(blocks.Length);
        double[] partials = ArrayPool<double>.Shared.Rent(blocks.Units * channels);
        try
        {
            blocks.FillPattern(weight, pattern);
            fixed (float* ps = pattern)
            fixed (double* pp = partials)
            {
                if (ParallelRunner.ThreadsFor(blocks.Elements) <= 1 || blocks.Units == 1)
                {
                    BlocksBackward(g, x, dx, ps, blocks, pp, 0, blocks.Units);
                }
                else
                {
                    BlocksBackwardOnThreads(g, x, dx, ps, blocks, pp);
                }
            }

            for (int c = 0; c < channels; c++)
            {
                double sum = 0;
                for (int u = 0; u < blocks.Units; u++)
                {
                    sum += partials[(u * channels) + c];
                }

                dw[c] = (float)sum;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(partials);
            ArrayPool<float>.Shared.Return(pattern);
        }
    }

    private static void BlocksBackwardOnThreads(float* g, float* x, float* dx, float* pattern, Blocks blocks, double* partials)
    {
        nint gs = (nint)g, xs = (nint)x, dxs = (nint)dx, ps = (nint)pattern, pps = (nint)partials;
        ParallelRunner.ForRanges(blocks.Units, (long)blocks.Length * blocks.BlocksPerUnit, (first, end) =>
            BlocksBackward((float*)gs, (float*)xs, (float*)dxs, (float*)ps, blocks, (double*)pps, first, end));
    }

    /// <summary>Units [first, end): dx for their blocks, and each unit's sum per channel into partials[unit·channels + c].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlocksBackward(float* g, float* x, float* dx, float* pattern, Blocks blocks, double* partials, int first, int end)
    {
        // One accumulator per position of the block, reduced to one per channel at the end of each unit.
        double[] lanes = ArrayPool<double>.Shared.Rent(blocks.Length);
        try
        {
            fixed (double* acc = lanes)
            {
                for (int u = first; u < end; u++)
                {
                    new Span<double>(acc, blocks.Length).Clear();
                    int last = Math.Min(blocks.Count, (u + 1) * blocks.BlocksPerUnit);
                    for (int b = u * blocks.BlocksPerUnit; b < last; b++)
                    {
                        (long start, int length) = blocks.Block(b);
                        BlockBackward(g + start, x + start, dx + start, pattern, acc, length);
                    }

                    blocks.ReduceLanes(acc, partials + ((long)u * blocks.Channels));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(lanes);
        }
    }

    /// <summary>One block against the row of slopes: writes dx, adds x·g (where x ≤ 0 or NaN) to acc position by position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BlockBackward(float* g, float* x, float* dx, float* s, double* acc, int n)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> xv = Vector512.Load(x + i), gv = Vector512.Load(g + i);
                Vector512<float> positive = Vector512.GreaterThan(xv, Vector512<float>.Zero);
                Vector512.Store(Vector512.ConditionalSelect(positive, gv, gv * Vector512.Load(s + i)), dx + i);
                (Vector512<double> xl, Vector512<double> xh) = Vector512.Widen(Vector512.AndNot(xv, positive));
                (Vector512<double> gl, Vector512<double> gh) = Vector512.Widen(Vector512.AndNot(gv, positive));
                Vector512.Store(Vector512.Load(acc + i) + (xl * gl), acc + i);
                Vector512.Store(Vector512.Load(acc + i + Vector512<double>.Count) + (xh * gh), acc + i + Vector512<double>.Count);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> xv = Vector256.Load(x + i), gv = Vector256.Load(g + i);
                Vector256<float> positive = Vector256.GreaterThan(xv, Vector256<float>.Zero);
                Vector256.Store(Vector256.ConditionalSelect(positive, gv, gv * Vector256.Load(s + i)), dx + i);
                (Vector256<double> xl, Vector256<double> xh) = Vector256.Widen(Vector256.AndNot(xv, positive));
                (Vector256<double> gl, Vector256<double> gh) = Vector256.Widen(Vector256.AndNot(gv, positive));
                Vector256.Store(Vector256.Load(acc + i) + (xl * gl), acc + i);
                Vector256.Store(Vector256.Load(acc + i + Vector256<double>.Count) + (xh * gh), acc + i + Vector256<double>.Count);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                Vector128<float> xv = Vector128.Load(x + i), gv = Vector128.Load(g + i);
                Vector128<float> positive = Vector128.GreaterThan(xv, Vector128<float>.Zero);
                Vector128.Store(Vector128.ConditionalSelect(positive, gv, gv * Vector128.Load(s + i)), dx + i);
                (Vector128<double> xl, Vector128<double> xh) = Vector128.Widen(Vector128.AndNot(xv, positive));
                (Vector128<double> gl, Vector128<double> gh) = Vector128.Widen(Vector128.AndNot(gv, positive));
                Vector128.Store(Vector128.Load(acc + i) + (xl * gl), acc + i);
                Vector128.Store(Vector128.Load(acc + i + Vector128<double>.Count) + (xh * gh), acc + i + Vector128<double>.Count);
            }
        }

        for (; i < n; i++)
        {
            float xi = x[i], gi = g[i];
            dx[i] = xi > 0f ? gi : gi * s[i];
            if (!(xi > 0f))
            {
                acc[i] += (double)xi * gi;
            }
        }
    }

    /// <summary>The row layout: rows of inner elements (channel = row mod channels), each split into pieces.</summary>
    private readonly struct Rows(int elements, int channels, int inner)
    {
        public int Elements => elements;

        public int Channels => channels;

        public int PiecesPerRow { get; } = (int)(((long)inner + PieceLength - 1) / PieceLength);

        public int Units => elements / inner * PiecesPerRow;

        public int UnitLength => Math.Min(inner, PieceLength);

        /// <summary>Unit u's first element, length and channel.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (long Start, int Length, int Channel) Piece(int u)
        {
            int row = u / PiecesPerRow, piece = u - (row * PiecesPerRow);
            int offset = piece * PieceLength;
            return (((long)row * inner) + offset, Math.Min(PieceLength, inner - offset), row % channels);
        }
    }

    /// <summary>
    /// The row-of-slopes layout: slices of channels·inner elements, Repeat of them to a block (at least
    /// <see cref="BlockMin"/> elements), blocks grouped into units of <see cref="BlocksPerUnit"/>.
    /// </summary>
    private readonly struct Blocks(int elements, int channels, int inner)
    {
        private readonly int _slice = channels * inner;

        public int Elements => elements;

        public int Channels => channels;

        public int Repeat => Math.Max(1, BlockMin / _slice);

        /// <summary>Elements per block: a whole number of slices.</summary>
        public int Length => Repeat * _slice;

        public int Count => (int)(((long)elements + Length - 1) / Length);

        public int BlocksPerUnit => Math.Max(MinBlocksPerUnit, (PieceLength + Length - 1) / Length);

        public int Units => (Count + BlocksPerUnit - 1) / BlocksPerUnit;

        public (long Start, int Length) Block(int b)
        {
            long start = (long)b * Length;
            return (start, (int)Math.Min(Length, elements - start));
        }

        /// <summary>pattern[j] = the slope of position j of a block.</summary>
        public void FillPattern(ReadOnlySpan<float> weight, Span<float> pattern)
        {
            for (int j = 0; j < Length; j++)
            {
                pattern[j] = weight[j % _slice / inner];
            }
        }

        /// <summary>Sums the per-position accumulators into one per channel, positions in order.</summary>
        public void ReduceLanes(double* lanes, double* perChannel)
        {
            for (int c = 0; c < channels; c++)
            {
                double sum = 0;
                for (int r = 0; r < Repeat; r++)
                {
                    double* slice = lanes + (r * _slice) + (c * inner);
                    for (int t = 0; t < inner; t++)
                    {
                        sum += slice[t];
                    }
                }

                perChannel[c] = sum;
            }
        }
    }
}
