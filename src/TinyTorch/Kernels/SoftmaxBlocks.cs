using System.Diagnostics;
using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// The heavy pass of softmax over blocks of 16 floats, one per logical lane: e^(x − m)·2^64 stored as a float pair
/// (high part and residual) and summed per lane (<see cref="FloatSoftmax"/>), for the blocked column path: each lane a
/// column, a block per row of 16 columns. (Rows have their own, <see cref="SoftmaxRows"/>.)
/// </summary>
/// <remarks>
/// The 16 lanes are the same whatever the vector width: a 16-float vector is one block; 8- and 4-float vectors take
/// turns over 2 or 4 accumulator pairs (and −m vectors), rotated after each vector so that one accumulation in the loop
/// body serves them all. Each lane sums its terms in element order and folds its float pair into a double every
/// <see cref="FloatSoftmax.FoldTerms"/> terms, so a lane's sum depends on its own terms alone: the same bits at every
/// width, and the same as <see cref="SoftmaxColumns"/>' direct path gives a column.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxBlocks
{
    /// <summary>Floats in a block, and so the number of partial sums.</summary>
    internal const int Lanes = 16;

    /// <summary>
    /// e^(x − m)·2^64 as the pairs y + <paramref name="residuals"/> (unnormalised, see <see cref="FloatSoftmax"/>) for <paramref name="count"/> floats
    /// (whole blocks; y may be x), adding those of lane l (element i with i mod 16 = l) into <paramref name="sums"/>[l];
    /// <paramref name="negMax"/>[l] is lane l's −m.
    /// </summary>
    /// <remarks>
    /// NoInlining: the heavy body must appear once in a method compiled with a budget of its own (see
    /// ElementwiseLoop.Heavy).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Exponentials<TV, TL, TM>(float* x, float* y, float* residuals, long count, float* negMax, double* sums)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        Debug.Assert(TM.Count is 4 or 8 or 16, "the rotation covers 1, 2 or 4 vectors per block");
        int w = TM.Count;
        TV zero = TL.Create(0.0f);
        TV n0 = TM.Load(negMax), n1 = zero, n2 = zero, n3 = zero;
        if (TM.Count <= Lanes / 2)
        {
            n1 = TM.Load(negMax + w);
        }

        if (TM.Count == Lanes / 4)
        {
            n2 = TM.Load(negMax + (2 * w));
            n3 = TM.Load(negMax + (3 * w));
        }

        float* lanes = stackalloc float[2 * Lanes];
        for (long start = 0; start < count; start += FloatSoftmax.FoldTerms * Lanes)
        {
            long end = Math.Min(count, start + (FloatSoftmax.FoldTerms * Lanes));
            TV s0 = zero, c0 = zero, s1 = zero, c1 = zero, s2 = zero, c2 = zero, s3 = zero, c3 = zero;
            for (long i = start; i < end; i += w)
            {
                TV e = FloatSoftmax.Exponential<TV, TL>(TM.Load(x + i), n0, out TV residual);
                TM.Store(e, y + i);
                TM.Store(residual, residuals + i);
                FloatSoftmax.Accumulate<TV, TL>(ref s0, ref c0, e, residual);

                // Rotate: (n0, s0, c0) always belong to the next vector's lanes (a no-op at 16 floats).
                if (TM.Count == Lanes / 2)
                {
                    (n0, n1) = (n1, n0);
                    (s0, s1) = (s1, s0);
                    (c0, c1) = (c1, c0);
                }
                else if (TM.Count == Lanes / 4)
                {
                    (n0, n1, n2, n3) = (n1, n2, n3, n0);
                    (s0, s1, s2, s3) = (s1, s2, s3, s0);
                    (c0, c1, c2, c3) = (c1, c2, c3, c0);
                }
            }

            // Every block is 16/w vectors, so the rotation is back where it began: s0 holds lanes 0..w-1, s1 the next w...
            TM.Store(s0, lanes);
            TM.Store(c0, lanes + Lanes);
            if (TM.Count <= Lanes / 2)
            {
                TM.Store(s1, lanes + w);
                TM.Store(c1, lanes + Lanes + w);
            }

            if (TM.Count == Lanes / 4)
            {
                TM.Store(s2, lanes + (2 * w));
                TM.Store(c2, lanes + Lanes + (2 * w));
                TM.Store(s3, lanes + (3 * w));
                TM.Store(c3, lanes + Lanes + (3 * w));
            }

            for (int lane = 0; lane < Lanes; lane++)
            {
                sums[lane] += (double)lanes[lane] + lanes[Lanes + lane];
            }
        }
    }
}
