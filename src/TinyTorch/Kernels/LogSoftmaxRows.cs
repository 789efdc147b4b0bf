using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// Log-softmax of contiguous rows, yᵢ = (xᵢ − m) − L with L = ln Σⱼ e^(xⱼ − m), and its backward: the row path of
/// <see cref="LogSoftmaxKernel"/> (the other dims gather their columns into rows and come here too).
/// </summary>
/// <remarks>
/// <para>Why within 1 ULP (proven ≤ 0.69 for every normal y in rows up to 65 536, the softmax sum's proven range; past
/// it the sum's float error lanes grow by n·2^-52 relative, which keeps the same count below 0.7 up to 2^20): xᵢ − m ≤ 0 and L ≥ 0, so
/// y = −(|xᵢ − m| + L) is a sum of two terms of one sign: no cancellation, |y| ≥ L and |y| ≥ |xᵢ − m|. xᵢ − m is exact
/// in double, so y's error before its one rounding to float is L's absolute error ε_L (the double subtractions add
/// 2^-53 relative), and in ULPs of y that is at most ε_L·2^24/L. Two ways to L:</para>
/// <list type="bullet">
/// <item>The fast one: the row's sum of 2^32·e^(xⱼ − m′) from the row softmax (<see cref="SoftmaxRows.Sum{TV, TL, TM}"/>,
/// float lanes, within 2^-29.5 relative, <see cref="FloatSoftmaxRow"/> item 2), so ε_L ≤ 2^-29.5 + 2^-45
/// (<see cref="FloatSoftmaxRow.LogOfSum"/>). Taken when L ≥ 1/8 (<see cref="FastPathFloor"/>): then ε_L·2^24/L ≤ 2^-2.5
/// = 0.18 ULP, and with the final rounding ≤ 0.69 ULP.</item>
/// <item>NOTE: the trap. Where one entry dominates, L = ln(1 + s) with s = Σ over the others of e^(xⱼ − m) tiny, and the
/// maximum's own output is y = −L ≈ −s: any absolute error in L (as from a relative error in the sum 1 + s) is all of
/// y's relative error, and log(softmax) in two steps loses s entirely below 2^-24, and y itself below e^-88 (softmax's
/// underflow). So for L &lt; 1/8 the row is summed again exactly (<see cref="ExactLogOfSum"/>): s in double over the
/// entries below the maximum (each e^(xⱼ − m) to 1 ULP of double, the sum to n·2^-53), plus the count of further
/// maxima, and L = log1p(s) to a few ULP of double. ε_L/L ≤ 2^-36 for n ≤ 2^16: ≤ 0.51 ULP. Slower (scalar
/// exponentials), but only rows where one entry holds over 88 % of the mass take it.</item>
/// </list>
/// <para>Edges, as PyTorch: a NaN, a +∞ or an all-−∞ row gives a NaN row (the softmax sum is NaN for those); −∞ beside
/// finite values gives −∞ (−∞ − m − L).</para>
/// <para>Backward: dx = g − e^y·Σg, Σg in double carried as a float pair, e^y from <see cref="FloatExp"/> (2^-32
/// relative) as a pair, g − P·S by one FMA and a small correction: within 1 ULP + 2^-31·|e^y·Σg| of the true value (and
/// 2^-126·|Σg| where y &lt; −87.7, where e^y is taken as 0). Same operations at every width (scalar tail included), so
/// the same bits. (Formed in double lanes instead, with three widenings and a narrowing per vector, it ran at 1.6
/// ns/element on 256 × 1000, against libtorch's 0.9.)</para>
/// </remarks>
[SkipLocalsInit]
internal static unsafe class LogSoftmaxRows
{
    /// <summary>Below this L the row takes the exact sum (see the remarks).</summary>
    internal const double FastPathFloor = 0.125;

    private const int Width = 8;

    /// <summary>
    /// Log-softmax of <paramref name="rows"/> rows of <paramref name="n"/> floats at x into y (y may be x), with vectors of
    /// TV; <paramref name="terms"/> is scratch of n floats (never x or y).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<TV, TL, TM>(float* x, float* y, int rows, int n, float* terms)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        double* sums = stackalloc double[16];
        float* block = stackalloc float[32];
        for (int r = 0; r < rows; r++)
        {
            float* xr = x + ((long)r * n), yr = y + ((long)r * n);
            float max = SoftmaxRows.Max<TV, TM>(xr, n);
            double sum = SoftmaxRows.Sum<TV, TL, TM>(xr, terms, n, max, sums, block);
            if (!double.IsFinite(sum))
            {
                new Span<float>(yr, n).Fill(float.NaN);
                continue;
            }

            double log = FloatSoftmaxRow.LogOfSum(sum, max);
            if (!(log >= FastPathFloor))
            {
                log = ExactLogOfSum(xr, n, max);
            }

            Subtract(xr, yr, n, max, log);
        }
    }

    /// <summary>
    /// ln Σⱼ e^(xⱼ − m) for a row whose maximum m is finite and which holds no NaN: log1p of the sum over the entries
    /// below m, plus one per further entry equal to m, all in double (the trap in the remarks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double ExactLogOfSum(float* x, int n, float max)
    {
        // NOTE: the maxima are counted apart: starting s at −1 and adding 1 per maximum would round away the small
        // terms added before the first maximum.
        double s = 0;
        int maxima = 0;
        for (int i = 0; i < n; i++)
        {
            if (x[i] == max)
            {
                maxima++;
            }
            else
            {
                s += Math.Exp((double)x[i] - max);
            }
        }

        return Log1p(s + (maxima - 1));
    }

    /// <summary>
    /// ln(1 + s) for s ≥ 0 to a few ULP of double: Goldberg's trick (What Every Computer Scientist Should Know About
    /// Floating-Point Arithmetic, Theorem 4): u = 1 + s rounded, then ln(u)·s/(u − 1), which cancels u's rounding.
    /// </summary>
    internal static double Log1p(double s)
    {
        double u = 1 + s;
        return u == 1 ? s : Math.Log(u) * s / (u - 1);
    }

    /// <summary>y = ((double)x − m) − L rounded once to float (y may be x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(float* x, float* y, int n, float max, double log)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> m = Vector256.Create((double)max), l = Vector256.Create(log);
            for (; i + Width <= n; i += Width)
            {
                (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(x + i));
                Vector256.Narrow(lo - m - l, hi - m - l).Store(y + i);
            }
        }

        for (; i < n; i++)
        {
            y[i] = (float)((double)x[i] - max - log);
        }
    }

    /// <summary>dx = g − e^y·Σg per row of <paramref name="n"/> (dx may be g or y), with vectors of TV.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<TV, TL, TM>(float* g, float* y, float* dx, int rows, int n)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        for (int r = 0; r < rows; r++)
        {
            long o = (long)r * n;
            BackwardRow<TV, TL, TM>(g + o, y + o, dx + o, n);
        }
    }

    /// <summary>
    /// One row: Σg in double as the float pair S = Shi + Slo; e^y from <see cref="FloatExp"/> as the pair
    /// P = scale·(hi + lo); dx = (g − Phi·Shi, one FMA) − (Phi·Slo + Plo·Shi). Within 1 ULP + 2^-31·|e^y·Σg| of the
    /// true value: the first rounding is of t = dx + (a correction below 2^-11·|P·S|), the second of dx. The same
    /// float operations in every lane and in the scalar tail, so the same bits at every width.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardRow<TV, TL, TM>(float* g, float* y, float* dx, int n)
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        double total = RowSum(g, n);
        float sumHi = (float)total, sumLo = (float)(total - sumHi);
        TV shi = TL.Create(sumHi), slo = TL.Create(sumLo);
        int w = TM.Count;
        int i = 0;
        for (; i + w <= n; i += w)
        {
            TM.Store(GradientStep<TV, TL>(TM.Load(g + i), TM.Load(y + i), shi, slo), dx + i);
        }

        for (; i < n; i++)
        {
            dx[i] = GradientStep<float, FloatScalarLanes>(g[i], y[i], sumHi, sumLo);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TV GradientStep<TV, TL>(TV g, TV y, TV sumHi, TV sumLo)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV hi = FloatExp.ExpNonPositive<TV, TL>(TL.AtMost(y, 0), out TV scale, out TV lo);
        TV pHi = TL.Multiply(scale, hi), pLo = TL.Multiply(scale, lo);
        TV t = TL.NegatedMultiplyAdd(pHi, sumHi, g);
        TV correction = TL.MultiplyAdd(pLo, sumHi, TL.Multiply(pHi, sumLo));
        return TL.Subtract(t, correction);
    }

    /// <summary>
    /// Σg in double: 16 lanes in element order (i mod 16), added in a fixed order ((0 + 1) + (2 + 3), four lanes of
    /// four), then the tail. NOTE: four independent chains, not two: each double addition waits for the one before in
    /// its chain (3 cycles), and two chains held the whole backward at 0.57 ns/element on 256 × 1000.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double RowSum(float* g, int n)
    {
        int i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (; i + (2 * Width) <= n; i += 2 * Width)
            {
                (Vector256<double> lo, Vector256<double> hi) = Vector256.Widen(Vector256.Load(g + i));
                (Vector256<double> lo2, Vector256<double> hi2) = Vector256.Widen(Vector256.Load(g + i + Width));
                a0 += lo;
                a1 += hi;
                a2 += lo2;
                a3 += hi2;
            }

            Vector256<double> all = (a0 + a1) + (a2 + a3);
            sum = (all[0] + all[1]) + (all[2] + all[3]);
        }

        for (; i < n; i++)
        {
            sum += g[i];
        }

        return sum;
    }
}
