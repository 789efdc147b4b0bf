using System.Runtime.Intrinsics;
using TinyTorch.Kernels;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

/// <summary>The checks every element-wise operator goes through, written once.</summary>
internal static class OperatorChecks
{
    /// <summary>The inputs where implementations go wrong: NaN, infinities, zeros, subnormals, the extremes, saturation points.</summary>
    public static readonly float[] SpecialValues =
    [
        float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1f, -1f, 0.5f, -0.5f,
        1000f, -1000f, float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f,
        1.17549435e-38f, -1.17549435e-38f, 1e-20f, -1e-20f, 1e-4f, -1e-4f, 20f, -20f, 88.7f, -88.7f,
        103.9f, -103.9f, 9f, -9f, 14f, -14f, 15f, -15f, 60f, -60f, 0.3466f, -0.3466f, 1e30f, -1e30f,
    ];

    /// <summary>Special values, every 2^20 + 1-th bit pattern, and a spread of ordinary values; length a multiple of 16.</summary>
    public static float[] Sample()
    {
        var values = new List<float>(SpecialValues);
        values.AddRange(Ulp.StridedFloats((1u << 20) + 1));
        var random = new Random(20260422);
        for (int i = 0; i < 4096; i++)
        {
            values.Add((float)((random.NextDouble() * 40) - 20));
        }

        while (values.Count % 16 != 0)
        {
            values.Add(float.NaN);
        }

        return [.. values];
    }

    /// <summary>The same bits, or both NaN (NaN payloads are not part of the contract).</summary>
    public static bool SameBits(float a, float b) =>
        (float.IsNaN(a) && float.IsNaN(b)) || BitConverter.SingleToUInt32Bits(a) == BitConverter.SingleToUInt32Bits(b);

    /// <summary>Each width's body, called directly, gives the scalar body's bits in every lane.</summary>
    public static void WidthsAgree<TOp>(float[] x)
        where TOp : struct, IUnaryOperator
    {
        for (int i = 0; i + 16 <= x.Length; i += 16)
        {
            Vector512<float> wide = default(TOp).Invoke(Vector512.Create(x.AsSpan(i, 16)));
            for (int j = 0; j < 16; j++)
            {
                float scalar = default(TOp).Invoke(x[i + j]);
                float v256 = default(TOp).Invoke(Vector256.Create(x.AsSpan(i + (j / 8 * 8), 8)))[j % 8];
                float v128 = default(TOp).Invoke(Vector128.Create(x.AsSpan(i + (j / 4 * 4), 4)))[j % 4];
                Assert.True(
                    SameBits(scalar, wide[j]) && SameBits(scalar, v256) && SameBits(scalar, v128),
                    $"x = {x[i + j]:R}: scalar {scalar:R}, 128 {v128:R}, 256 {v256:R}, 512 {wide[j]:R}");
            }
        }
    }

    /// <summary>The two-input version of <see cref="WidthsAgree{TOp}(float[])"/>, pairing x with a spread of gradients.</summary>
    public static void WidthsAgree<TOp>(float[] a, float[] b)
        where TOp : struct, IBinaryOperator
    {
        for (int i = 0; i + 16 <= a.Length; i += 16)
        {
            Vector512<float> wide = default(TOp).Invoke(Vector512.Create(a.AsSpan(i, 16)), Vector512.Create(b.AsSpan(i, 16)));
            for (int j = 0; j < 16; j++)
            {
                int s8 = i + (j / 8 * 8), s4 = i + (j / 4 * 4);
                float scalar = default(TOp).Invoke(a[i + j], b[i + j]);
                float v256 = default(TOp).Invoke(Vector256.Create(a.AsSpan(s8, 8)), Vector256.Create(b.AsSpan(s8, 8)))[j % 8];
                float v128 = default(TOp).Invoke(Vector128.Create(a.AsSpan(s4, 4)), Vector128.Create(b.AsSpan(s4, 4)))[j % 4];
                Assert.True(
                    SameBits(scalar, wide[j]) && SameBits(scalar, v256) && SameBits(scalar, v128),
                    $"({a[i + j]:R}, {b[i + j]:R}): scalar {scalar:R}, 128 {v128:R}, 256 {v256:R}, 512 {wide[j]:R}");
            }
        }
    }

    /// <summary>
    /// Every 4097th float32 bit pattern (~1M finite inputs) through the vectorized loop, against the double
    /// truth, at the forward bound (<see cref="Ulp.WithinForwardBound"/>).
    /// </summary>
    public static void StridedSweep<TOp>(Func<double, double> truth, double maxUlps)
        where TOp : struct, IUnaryOperator
    {
        float[] x = [.. Ulp.StridedFloats(4097)];
        var y = new float[x.Length];
        ElementwiseLoop.Unary<TOp>(x, y);
        AssertWithin(x, y, truth, maxUlps);
    }

    /// <summary>
    /// Every float32 from <paramref name="from"/> up to <paramref name="to"/> (same sign, from ≤ to in bit order),
    /// through the vectorized loop, at the forward bound: a dense check where an algorithm switches form.
    /// </summary>
    public static void DenseSweep<TOp>(float from, float to, Func<double, double> truth, double maxUlps)
        where TOp : struct, IUnaryOperator
    {
        uint first = BitConverter.SingleToUInt32Bits(from), last = BitConverter.SingleToUInt32Bits(to);
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        float[] x = new float[last - first + 1];
        for (uint b = first; b <= last; b++)
        {
            x[b - first] = BitConverter.UInt32BitsToSingle(b);
        }

        var y = new float[x.Length];
        ElementwiseLoop.Unary<TOp>(x, y);
        AssertWithin(x, y, truth, maxUlps);
    }

    /// <summary>
    /// Every <paramref name="step"/>-th float32 from <paramref name="from"/> to <paramref name="to"/> (a stretch where
    /// results are subnormal), three lanes in four of every vector, the fourth holding <paramref name="filler"/> (so that
    /// the vectors mix rare and common lanes): at every width and through the vectorized loop the scalar bits, and each
    /// result within <paramref name="maxUlps"/> ULP in subnormal spacing (2^-149).
    /// </summary>
    public static void SubnormalSweep<TOp>(float from, float to, int step, float filler, Func<double, double> truth, double maxUlps)
        where TOp : struct, IUnaryOperator
    {
        uint first = BitConverter.SingleToUInt32Bits(from), last = BitConverter.SingleToUInt32Bits(to);
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        var x = new List<float>();
        for (uint b = first; b <= last; b += (uint)step)
        {
            if (x.Count % 4 == 3)
            {
                x.Add(filler);
            }

            x.Add(BitConverter.UInt32BitsToSingle(b));
        }

        float[] inputs = [.. x];
        var looped = new float[inputs.Length];
        ElementwiseLoop.Unary<TOp>(inputs, looped);
        WidthsAgree<TOp>(inputs);
        for (int i = 0; i < inputs.Length; i++)
        {
            float y = default(TOp).Invoke(inputs[i]);
            Assert.True(SameBits(y, looped[i]), $"x = {inputs[i]:R}: scalar {y:R}, loop {looped[i]:R}");
            double error = Ulp.Error(y, truth(inputs[i]));
            Assert.True(error <= maxUlps, $"x = {inputs[i]:R}: got {y:R}, truth {truth(inputs[i]):R}: {error:F3} ULP (bound {maxUlps})");
        }
    }

    /// <summary>Each result within the forward bound; the message lists the first failures.</summary>
    public static void AssertWithin(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Func<double, double> truth, double maxUlps)
    {
        var failures = new List<string>();
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double t = truth(x[i]);
            if (!Ulp.WithinForwardBound(y[i], t, maxUlps))
            {
                worst = Math.Max(worst, Ulp.Error(y[i], t));
                if (failures.Count < 5)
                {
                    failures.Add($"x = {x[i]:R}: got {y[i]:R}, truth {t:R} ({Ulp.Error(y[i], t):F2} ULP)");
                }
            }
        }

        Assert.True(failures.Count == 0, $"worst {worst:F2} ULP (bound {maxUlps}): " + string.Join("; ", failures));
    }

    /// <summary>
    /// The backward bound: |actual − true| ≤ 4·2^-24·max(|true|, |g|), with the truth in double.
    /// </summary>
    public static void AssertBackwardWithin(float[] a, float[] g, ReadOnlySpan<float> actual, Func<double, double, double> truth)
    {
        for (int i = 0; i < a.Length; i++)
        {
            double t = truth(a[i], g[i]);
            if (double.IsNaN(t))
            {
                Assert.True(float.IsNaN(actual[i]), $"({a[i]:R}, {g[i]:R}): got {actual[i]:R}, truth NaN");
                continue;
            }

            double bound = 4 * Math.ScaleB(1.0, -24) * Math.Max(Math.Abs(t), Math.Abs(g[i]));
            Assert.True(
                Math.Abs(actual[i] - t) <= bound || actual[i] == t,
                $"({a[i]:R}, {g[i]:R}): got {actual[i]:R}, truth {t:R}, bound {bound:R}");
        }
    }

    /// <summary>Gradients to pair with inputs: a spread of magnitudes and signs, including 0.</summary>
    public static float[] Gradients(int length)
    {
        var random = new Random(7);
        var g = new float[length];
        for (int i = 0; i < length; i++)
        {
            g[i] = i % 11 == 0 ? 0f : (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 4)));
        }

        return g;
    }
}
