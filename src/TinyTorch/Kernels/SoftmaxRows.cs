using System.Runtime.CompilerServices;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>Softmax of one contiguous row (the last dimension) in float lanes: the row path of <see cref="SoftmaxKernel"/>.</summary>
/// <remarks>
/// <para>Three passes: the maximum m; e^(x − m)·2^64 into the output as the high part of a float pair, and its low part
/// into a scratch row, while summing; the output and residuals divided by the sum. The math and its error bound
/// (≤ 0.69 ULP) are <see cref="FloatSoftmax"/>'s. A row that fits in cache (65 536 floats, their outputs and residuals are 768 KiB, within
/// L2) is read from memory once.</para>
/// <para>The sum runs in the 16 lanes of <see cref="SoftmaxBlocks"/>, element i in lane i mod 16, whatever the vector
/// width. The partial row after the last whole block is padded with −∞ (which adds exactly 0) and summed as a block of
/// its own. The lanes' double sums are then added pairwise in a fixed order. So the result depends on the row alone,
/// never on the width, the thread or where the row begins.</para>
/// <para>NOTE: streaming stores for large outputs (the exponentials kept in the scratch, y written once, bypassing the
/// caches: no read-for-ownership of y) measured slower here, 0.74 vs 0.82 ns/element on 4096 × 1024 and 0.69 vs 0.91
/// on 256 × 65 536, one thread (median of 15, noisy machine), so the output is stored plainly, once by pass 2 and
/// again by pass 3 while the row is still in cache.</para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class SoftmaxRows
{
    private const int Lanes = SoftmaxBlocks.Lanes;

    /// <summary>The longest row that is pipelined (see <see cref="Forward"/>): 32 KiB, so two rows' data stay in cache.</summary>
    private const int PipelinedLength = 8192;

    /// <summary>The scratch <see cref="Forward"/> needs for rows of <paramref name="n"/> floats: one or two rows of residuals, each a whole number of blocks.</summary>
    public static int ResidualFloats(int n) => (n <= PipelinedLength ? 2 : 1) * RowResidualFloats(n);

    private static int RowResidualFloats(int n) => (int)(((long)n + Lanes - 1) / Lanes * Lanes);

    /// <summary>
    /// Softmax of <paramref name="rows"/> consecutive rows of <paramref name="n"/> floats at x into y (y may be x), with
    /// vectors of TV (4, 8 or 16 floats); <paramref name="residuals"/> is scratch for <see cref="ResidualFloats"/>(n) floats.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TV, TL, TM>(float* x, float* y, int rows, int n, float* residuals)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        // Software pipelining (rows up to 32 KiB): row r + 1's maximum is found, and row r − 1 divided, after row r's
        // exponentials, so neither the chain of latencies from a row's last exponential to its divisor (folds into
        // double, the pairwise sum, a division: ~150 cycles) nor the one from a maximum to the first exponential stalls
        // the core (measured 0.85 → 0.75 ns/element on rows of 256, noisy). Two rows' residuals are then live at once.
        bool pipelined = n <= PipelinedLength;
        double* sums = stackalloc double[Lanes];
        float* block = stackalloc float[2 * Lanes];
        long half = pipelined ? RowResidualFloats(n) : 0;
        float max = rows > 0 ? Max<TV, TM>(x, n) : 0;
        double previous = 0;
        for (int r = 0; r < rows; r++)
        {
            float* xr = x + ((long)r * n);
            double sum = Sum<TV, TL, TM>(xr, y + ((long)r * n), residuals + ((r & 1) * half), n, max, sums, block);
            max = r + 1 < rows ? Max<TV, TM>(xr + n, n) : 0;
            if (!pipelined)
            {
                Finish<TV, TL, TM>(y + ((long)r * n), residuals, n, sum);
                continue;
            }

            if (r > 0)
            {
                Finish<TV, TL, TM>(y + ((long)(r - 1) * n), residuals + (((r - 1) & 1) * half), n, previous);
            }

            previous = sum;
        }

        if (pipelined && rows > 0)
        {
            Finish<TV, TL, TM>(y + ((long)(rows - 1) * n), residuals + (((rows - 1) & 1) * half), n, previous);
        }
    }

    /// <summary>Pass 3 of a row: the quotients, or a NaN row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TV, TL, TM>(float* y, float* residuals, int n, double sum)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        // NOTE: a NaN anywhere, a +∞ (∞ − ∞) or an all-−∞ row: the maximum is not finite, or (a NaN the vector
        // maximum passed over) the sum is NaN.
        if (double.IsFinite(sum))
        {
            Quotients<TV, TL, TM>(y, residuals, n, sum);
        }
        else
        {
            new Span<float>(y, n).Fill(float.NaN);
        }
    }

    /// <summary>The row's maximum: exact when the row holds no NaN (with a NaN, any value; the sum catches it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Max<TV, TM>(float* x, int n)
        where TV : struct
        where TM : IFloatMemoryLanes<TV>
    {
        int w = TM.Count;
        int i = 0;
        float max = float.NegativeInfinity;
        if (n >= w)
        {
            // Four independent chains: maxps has a latency of several cycles and a throughput of two a cycle.
            TV m0 = TM.Load(x), m1 = m0, m2 = m0, m3 = m0;
            for (; i + (4 * w) <= n; i += 4 * w)
            {
                m0 = TM.Max(m0, TM.Load(x + i));
                m1 = TM.Max(m1, TM.Load(x + i + w));
                m2 = TM.Max(m2, TM.Load(x + i + (2 * w)));
                m3 = TM.Max(m3, TM.Load(x + i + (3 * w)));
            }

            for (; i + w <= n; i += w)
            {
                m0 = TM.Max(m0, TM.Load(x + i));
            }

            max = TM.MaxAcross(TM.Max(TM.Max(m0, m1), TM.Max(m2, m3)));
        }

        for (; i < n; i++)
        {
            max = Math.Max(max, x[i]);
        }

        return max;
    }

    /// <summary>
    /// e^(x − max)·2^64 as the pairs y + residuals, and their sum (NaN where the row is to be NaN); <paramref name="sums"/>
    /// and <paramref name="block"/> are scratch of 16 and 32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sum<TV, TL, TM>(float* x, float* y, float* residuals, int n, float max, double* sums, float* block)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        if (!float.IsFinite(max))
        {
            return double.NaN;
        }

        // NOTE: −m is written with the vectors Exponentials reads it back with: a wide load from narrower stores
        // cannot be forwarded from the store buffer and waits for them to retire.
        float* negMax = block + Lanes;
        for (int k = 0; k < Lanes; k += TM.Count)
        {
            TM.Store(TL.Create(-max), negMax + k);
        }

        for (int k = 0; k < Lanes; k++)
        {
            sums[k] = 0;
        }

        int whole = n / Lanes * Lanes;
        SoftmaxBlocks.Exponentials<TV, TL, TM>(x, y, residuals, whole, negMax, sums);
        if (whole < n)
        {
            for (int k = 0; k < Lanes; k++)
            {
                block[k] = whole + k < n ? x[whole + k] : float.NegativeInfinity;
            }

            SoftmaxBlocks.Exponentials<TV, TL, TM>(block, block, residuals + whole, Lanes, negMax, sums);
            new Span<float>(block, n - whole).CopyTo(new Span<float>(y + whole, n - whole));
        }

        // Pairwise, in a fixed order: a chain of 16 dependent additions would hold up pass 3.
        for (int half = Lanes / 2; half > 0; half /= 2)
        {
            for (int lane = 0; lane < half; lane++)
            {
                sums[lane] += sums[lane + half];
            }
        }

        return sums[0];
    }

    /// <summary>y = (y + residual) / sum in place (all at 2^64 times their scale), each element rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quotients<TV, TL, TM>(float* y, float* residuals, int n, double sum)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        (float reciprocal, float negHi, float negLo) = FloatSoftmax.Divisor(sum);
        TV r = TL.Create(reciprocal), hi = TL.Create(negHi), lo = TL.Create(negLo);
        int w = TM.Count;
        int i = 0;
        for (; i + w <= n; i += w)
        {
            TM.Store(FloatSoftmax.Quotient<TV, TL>(TM.Load(y + i), TM.Load(residuals + i), r, hi, lo), y + i);
        }

        for (; i < n; i++)
        {
            y[i] = FloatSoftmax.Quotient<float, FloatScalarLanes>(y[i], residuals[i], reciprocal, negHi, negLo);
        }
    }
}
