using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// The blocked path of <see cref="SoftmaxColumns"/>: columns up to <see cref="SoftmaxColumns.MaxBlockedLength"/> long,
/// 16 at a time, through a scratch in which each block of 16 columns is contiguous.
/// </summary>
/// <remarks>
/// Pass 1 reads the strip row by row (contiguous pieces of each row, up to four vectors at a time with their maxima in
/// registers) and copies each 16-column block into the scratch, block after block, so that a block's rows are
/// contiguous (a blocked layout, not a transposition: a block's row is one vector). Pass 2 is then
/// <see cref="SoftmaxBlocks.Exponentials"/> over each block, as over a row of 16 lanes, with the residuals in a second
/// scratch; pass 3 divides from the scratch into the output, row by row, up to four vectors at a time with their divisors
/// in registers. NOTE: working in place instead, a strip whose rows are a power of two apart falls into a few cache sets
/// (the set index ignores the row number's high bits), and passes 2 and 3 miss L2; a column at a time with its state in
/// memory also chains every row through a store and a load (measured on [1024, 4096] over dim 0, one thread, noisy:
/// 1.2–1.3 ns/element in place with the state in memory, 0.9–1.0 blocked). A last block narrower than 16 columns overlaps the one
/// before; its stale lanes read −∞ and are not written back.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxBlockedColumns
{
    private const int StripColumns = SoftmaxColumns.StripColumns;

    private const int Lanes = SoftmaxBlocks.Lanes;

    /// <summary>
    /// Softmax down each of <paramref name="columns"/> (≤ 64) columns through <paramref name="scratch"/>, which holds
    /// <paramref name="scratchFloats"/> floats (<see cref="SoftmaxColumns.ScratchFloats"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TV, TL, TM>(float* x, float* y, int length, int stride, int columns, float* scratch, int scratchFloats)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        int blocks = (columns + Lanes - 1) / Lanes;
        int chunk = Math.Clamp(scratchFloats / (2 * length * Lanes), 1, blocks);
        long blockFloats = (long)length * Lanes;
        float* residuals = scratch + (chunk * blockFloats);
        float* max = stackalloc float[StripColumns];
        float* reciprocal = stackalloc float[StripColumns], negHi = stackalloc float[StripColumns], negLo = stackalloc float[StripColumns];
        float* negMax = stackalloc float[Lanes];
        double* sums = stackalloc double[Lanes];
        float* lane = stackalloc float[Lanes];
        for (int k = 0; k < Lanes; k++)
        {
            lane[k] = k;
        }

        for (int first = 0; first < blocks; first += chunk)
        {
            // This chunk: blocks [first, first + count), whole ones up to column wholeEnd; a partial last block (the
            // strip's last columns, in its top lanes) has `stale` lower lanes that are not its own (−∞ in the copy).
            int count = Math.Min(chunk, blocks - first);
            int begin = first * Lanes;
            int wholeEnd = Math.Min(begin + (count * Lanes), columns / Lanes * Lanes);
            int stale = Math.Max(0, begin + (count * Lanes) - columns);
            float* last = scratch + ((count - 1) * blockFloats);

            // Pass 1: the maxima, and the copy into blocks: whole blocks in sweeps of up to 4 vectors, then the partial
            // block gathered row by row and swept where it lies.
            for (int k = begin; k < wholeEnd; k += 4 * w)
            {
                Sweep<TV, TL, TM>(x + k, stride, length, Math.Min(4, (wholeEnd - k) / w), scratch, blockFloats, k - begin, max + k - begin);
            }

            if (stale > 0)
            {
                for (int i = 0; i < length; i++)
                {
                    Gather<TV, TL, TM>(x + ((long)i * stride), columns, stale, lane, last + (i * Lanes));
                }

                for (int k = 0; k < Lanes; k += 4 * w)
                {
                    Sweep<TV, TL, TM>(last + k, Lanes, length, Math.Min(4, (Lanes - k) / w), scratch, blockFloats, ((count - 1) * Lanes) + k, max + ((count - 1) * Lanes) + k);
                }
            }

            // Pass 2, block by block; a column whose maximum is not finite (NaN, +∞, all −∞) or whose sum is NaN (a NaN
            // the vector maximum passed over) gets a NaN reciprocal, which makes it a NaN column.
            for (int b = 0; b < count; b++)
            {
                for (int k = 0; k < Lanes; k++)
                {
                    negMax[k] = -max[(b * Lanes) + k];
                    sums[k] = 0;
                }

                float* block = scratch + (b * blockFloats);
                SoftmaxBlocks.Exponentials<TV, TL, TM>(block, block, residuals + (b * blockFloats), blockFloats, negMax, sums);
                SoftmaxColumns.Divisors(max + (b * Lanes), sums, Lanes, reciprocal + (b * Lanes), negHi + (b * Lanes), negLo + (b * Lanes));
            }

            // Pass 3: divide, from the blocks into the output: whole blocks in sweeps of up to 4 vectors, then the
            // partial block, whose stale lanes rewrite results the sweeps already stored.
            for (int k = begin; k < wholeEnd; k += 4 * w)
            {
                int c = k - begin;
                Divide<TV, TL, TM>(scratch, chunk * blockFloats, blockFloats, c, Math.Min(4, (wholeEnd - k) / w), reciprocal + c, negHi + c, negLo + c, y + k, stride, length);
            }

            if (stale > 0)
            {
                int c = (count - 1) * Lanes;
                for (int i = 0; i < length; i++)
                {
                    Scatter<TV, TL, TM>(last + (i * Lanes), last + (chunk * blockFloats) + (i * Lanes), reciprocal + c, negHi + c, negLo + c, y + ((long)i * stride), columns, stale, lane);
                }
            }
        }
    }

    /// <summary>
    /// Pass 3 for <paramref name="vectors"/> (1–4) adjacent vectors from chunk column <paramref name="column"/>: each
    /// row's quotients from the blocks (residuals <paramref name="residualOffset"/> floats further) into the output
    /// row, <paramref name="stride"/> floats apart; the divisors (from <paramref name="reciprocal"/> on) in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Divide<TV, TL, TM>(float* scratch, long residualOffset, long blockFloats, int column, int vectors, float* reciprocal, float* negHi, float* negLo, float* y, int stride, int length)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        float* e0 = Destination(scratch, blockFloats, column), e1 = Destination(scratch, blockFloats, column + w);
        float* e2 = Destination(scratch, blockFloats, column + (2 * w)), e3 = Destination(scratch, blockFloats, column + (3 * w));
        TV r0 = TM.Load(reciprocal), h0 = TM.Load(negHi), l0 = TM.Load(negLo);
        TV r1 = r0, h1 = h0, l1 = l0, r2 = r0, h2 = h0, l2 = l0, r3 = r0, h3 = h0, l3 = l0;
        if (vectors > 1)
        {
            (r1, h1, l1) = (TM.Load(reciprocal + w), TM.Load(negHi + w), TM.Load(negLo + w));
        }

        if (vectors > 2)
        {
            (r2, h2, l2) = (TM.Load(reciprocal + (2 * w)), TM.Load(negHi + (2 * w)), TM.Load(negLo + (2 * w)));
        }

        if (vectors > 3)
        {
            (r3, h3, l3) = (TM.Load(reciprocal + (3 * w)), TM.Load(negHi + (3 * w)), TM.Load(negLo + (3 * w)));
        }

        for (int i = 0; i < length; i++)
        {
            float* row = y + ((long)i * stride);
            long at = (long)i * Lanes;
            TM.Store(FloatSoftmax.Quotient<TV, TL>(TM.Load(e0 + at), TM.Load(e0 + residualOffset + at), r0, h0, l0), row);
            if (vectors > 1)
            {
                TM.Store(FloatSoftmax.Quotient<TV, TL>(TM.Load(e1 + at), TM.Load(e1 + residualOffset + at), r1, h1, l1), row + w);
                if (vectors > 2)
                {
                    TM.Store(FloatSoftmax.Quotient<TV, TL>(TM.Load(e2 + at), TM.Load(e2 + residualOffset + at), r2, h2, l2), row + (2 * w));
                    if (vectors > 3)
                    {
                        TM.Store(FloatSoftmax.Quotient<TV, TL>(TM.Load(e3 + at), TM.Load(e3 + residualOffset + at), r3, h3, l3), row + (3 * w));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The maxima of <paramref name="vectors"/> (1–4) adjacent vectors down <paramref name="length"/> rows
    /// <paramref name="pitch"/> floats apart, kept in registers, and each row's vectors copied into their blocks:
    /// chunk column <paramref name="column"/> onwards, a block being <paramref name="blockFloats"/> floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sweep<TV, TL, TM>(float* x, long pitch, int length, int vectors, float* scratch, long blockFloats, int column, float* max)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        float* d0 = Destination(scratch, blockFloats, column);
        float* d1 = Destination(scratch, blockFloats, column + w);
        float* d2 = Destination(scratch, blockFloats, column + (2 * w));
        float* d3 = Destination(scratch, blockFloats, column + (3 * w));
        TV m0 = TL.Create(float.NegativeInfinity), m1 = m0, m2 = m0, m3 = m0;
        for (int i = 0; i < length; i++)
        {
            float* row = x + (i * pitch);
            long at = (long)i * Lanes;
            TV v = TM.Load(row);
            TM.Store(v, d0 + at);
            m0 = TM.Max(m0, v);
            if (vectors > 1)
            {
                v = TM.Load(row + w);
                TM.Store(v, d1 + at);
                m1 = TM.Max(m1, v);
                if (vectors > 2)
                {
                    v = TM.Load(row + (2 * w));
                    TM.Store(v, d2 + at);
                    m2 = TM.Max(m2, v);
                    if (vectors > 3)
                    {
                        v = TM.Load(row + (3 * w));
                        TM.Store(v, d3 + at);
                        m3 = TM.Max(m3, v);
                    }
                }
            }
        }

        TM.Store(m0, max);
        if (vectors > 1)
        {
            TM.Store(m1, max + w);
        }

        if (vectors > 2)
        {
            TM.Store(m2, max + (2 * w));
        }

        if (vectors > 3)
        {
            TM.Store(m3, max + (3 * w));
        }
    }

    /// <summary>Where chunk column <paramref name="column"/> of row 0 lies in the blocks.</summary>
    private static float* Destination(float* scratch, long blockFloats, int column) =>
        scratch + (column / Lanes * blockFloats) + (column % Lanes);

    /// <summary>
    /// The strip's last <c>16 − stale</c> columns of a row into the top lanes of a block; the lower lanes read −∞. With
    /// 16 columns or more this is one overlapping load: the lower lanes are columns of the block before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gather<TV, TL, TM>(float* row, int columns, int stale, float* lane, float* packed)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        if (columns >= Lanes)
        {
            for (int k = 0; k < Lanes; k += TM.Count)
            {
                TV v = TM.Load(row + columns - Lanes + k);
                TM.Store(TL.SelectWhereBelow(TM.Load(lane + k), stale, TL.Create(float.NegativeInfinity), v), packed + k);
            }

            return;
        }

        for (int k = 0; k < Lanes; k++)
        {
            packed[k] = k < stale ? float.NegativeInfinity : row[k - stale];
        }
    }

    /// <summary>
    /// The quotients of a partial block's top <c>16 − stale</c> lanes into the strip's last columns of a row. With 16
    /// columns or more the lower lanes rewrite the block before's results (already in the row) unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter<TV, TL, TM>(float* packed, float* residual, float* reciprocal, float* negHi, float* negLo, float* row, int columns, int stale, float* lane)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        if (columns >= Lanes)
        {
            float* to = row + columns - Lanes;
            for (int k = 0; k < Lanes; k += TM.Count)
            {
                TV q = FloatSoftmax.Quotient<TV, TL>(TM.Load(packed + k), TM.Load(residual + k), TM.Load(reciprocal + k), TM.Load(negHi + k), TM.Load(negLo + k));
                TM.Store(TL.SelectWhereBelow(TM.Load(lane + k), stale, TM.Load(to + k), q), to + k);
            }

            return;
        }

        for (int k = stale; k < Lanes; k++)
        {
            row[k - stale] = FloatSoftmax.Quotient<float, FloatScalarLanes>(packed[k], residual[k], reciprocal[k], negHi[k], negLo[k]);
        }
    }
}
