using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// The direct path of <see cref="SoftmaxColumns"/>, for columns longer than <see cref="SoftmaxColumns.MaxBlockedLength"/>
/// (whose scratch would not fit in cache anyway): one vector of columns at a time, in place, without scratch.
/// </summary>
/// <remarks>
/// The maxima, the sums, then each exponential computed again (the same bits as the first time) and divided: twice the
/// exponentials, no scratch. Each lane's arithmetic is that of <see cref="SoftmaxBlocks.Exponentials"/> for a lane, so a
/// column gets the same bits here as on the blocked path.
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxDirectColumns
{
    private const int Lanes = SoftmaxBlocks.Lanes;

    /// <summary>
    /// One vector of columns worked on in place without scratch (the direct path): the maxima, the sums, then each
    /// exponential computed again (the same bits as the first time) and divided.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TV, TL, TM>(float* x, float* y, int length, int stride)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        float* max = stackalloc float[Lanes];
        double* total = stackalloc double[Lanes];
        float* sum = stackalloc float[Lanes], carry = stackalloc float[Lanes];
        float* reciprocal = stackalloc float[Lanes], negHi = stackalloc float[Lanes], negLo = stackalloc float[Lanes];

        TV m = TL.Create(float.NegativeInfinity);
        for (int i = 0; i < length; i++)
        {
            m = TM.Max(m, TM.Load(x + ((long)i * stride)));
        }

        TM.Store(m, max);
        TV negM = TL.Subtract(TL.Create(0.0f), m);
        for (int k = 0; k < w; k++)
        {
            total[k] = 0;
        }

        // Each lane sums down its column in row order and folds into double every FoldTerms rows, as
        // SoftmaxBlocks.Exponentials does for a lane: the same bits as the blocked path.
        for (int start = 0; start < length; start += FloatSoftmax.FoldTerms)
        {
            int end = Math.Min(length, start + FloatSoftmax.FoldTerms);
            TV s = TL.Create(0.0f), c = s;
            for (int i = start; i < end; i++)
            {
                TV e = FloatSoftmax.Exponential<TV, TL>(TM.Load(x + ((long)i * stride)), negM, out TV residual);
                FloatSoftmax.Accumulate<TV, TL>(ref s, ref c, e, residual);
            }

            TM.Store(s, sum);
            TM.Store(c, carry);
            for (int k = 0; k < w; k++)
            {
                total[k] += (double)sum[k] + carry[k];
            }
        }

        SoftmaxColumns.Divisors(max, total, w, reciprocal, negHi, negLo);
        TV r = TM.Load(reciprocal), hi = TM.Load(negHi), lo = TM.Load(negLo);
        for (int i = 0; i < length; i++)
        {
            long at = (long)i * stride;
            TV e = FloatSoftmax.Exponential<TV, TL>(TM.Load(x + at), negM, out TV residual);
            TM.Store(FloatSoftmax.Quotient<TV, TL>(e, residual, r, hi, lo), y + at);
        }
    }
}
