using System.Runtime.Intrinsics;
using TinyTorch.Kernels;
using TinyTorch.Kernels.VectorMath;
using TinyTorch.Tests.Support;

namespace TinyTorch.Tests.Kernels.Operators;

/// <summary>The checks every gated operator (a, b) → a·f(b) goes through, written once.</summary>
internal static class GateChecks
{
    /// <summary>Where gates go wrong: NaN, infinities, zeros, subnormals, the extremes, the clamps and regime edges.</summary>
    public static readonly float[] Special =
    [
        float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1f, -1f, 0.5f, -2f, 1000f, -1000f,
        float.MaxValue, -float.MaxValue, float.Epsilon, -float.Epsilon, 1e-40f, 1.17549435e-38f, 1e-20f, -1e-20f,
        17.4f, -17.4f, 46f, -46f, 45.99f, -46.01f, 86f, -86f, 88.7f, -88.7f, 103.9f, -103.9f, 127.99f, -128f, -128.01f,
        150f, -150f, -192f, -199.9f, -200f, -201f, 9.9f, -13.55f, -14f, 50.5f, -117.4f, -118f, 1e19f, -1e19f, 1e30f, -1e30f,
    ];

    /// <summary>
    /// (a, b) pairs: every special value against every other, then random pairs with a's exponent spread over float's
    /// whole range and b over [−210, 100] (denser near 0), so that the regimes, the clamps and the product's scalings
    /// are all crossed. Length a multiple of 16.
    /// </summary>
    public static (float[] A, float[] B) Pairs(int random = 60_000, int seed = 20261206)
    {
        var a = new List<float>();
        var b = new List<float>();
        foreach (float x in Special)
        {
            foreach (float y in Special)
            {
                a.Add(x);
                b.Add(y);
            }
        }

        var rng = new Random(seed);
        for (int i = 0; i < random; i++)
        {
            double magnitude = Math.ScaleB(1.0 + rng.NextDouble(), rng.Next(-149, 128));
            a.Add((float)(rng.Next(2) == 0 ? magnitude : -magnitude));
            b.Add((float)(i % 3 == 0 ? (rng.NextDouble() * 310) - 210 : (rng.NextDouble() * 24) - 12));
        }

        while (a.Count % 16 != 0)
        {
            a.Add(1f);
            b.Add(1f);
        }

        return ([.. a], [.. b]);
    }

    /// <summary>
    /// Pairs dense around the core's regime edges and clamps in b (t = −b = 46, 128, −86, 200: every 64th float within
    /// ±0.25 of each), against a from tiny to huge, both signs.
    /// </summary>
    public static (float[] A, float[] B) Edges()
    {
        float[] factors = [1f, -7f, 3e38f, -1e-30f, 2.5e-38f, 1e20f];
        var a = new List<float>();
        var b = new List<float>();
        foreach (float edge in new[] { -46f, -128f, 86f, -200f })
        {
            for (float x = edge - 0.25f; x <= edge + 0.25f; x = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x) + (x < 0 ? -64 : 64)))
            {
                foreach (float f in factors)
                {
                    a.Add(f);
                    b.Add(x);
                }
            }
        }

        return ([.. a], [.. b]);
    }

    /// <summary>
    /// 60 000 pairs whose true result is subnormal (|a·f(b)| from 2^-150 to 2^-126, log-uniform), b spread over
    /// [−200, 20] (every regime of the gate's scaling; a tiny where f(b) is large, so the numerator is rescaled too),
    /// every 4th pair an ordinary one, so that vectors mix rare and common lanes: each result within
    /// <paramref name="maxUlps"/> in subnormal spacing (2^-149), and every width giving the scalar bits. A flushed
    /// result is thousands of ULP off.
    /// </summary>
    public static void SubnormalSweep<TOp>(Func<double, double, double> truth, double maxUlps)
        where TOp : struct, IGateOperator
    {
        var random = new Random(149);
        var a = new List<float>();
        var b = new List<float>();
        int subnormal = 0;
        while (a.Count < 60_000)
        {
            if (a.Count % 4 == 3)
            {
                a.Add(1.5f);
                b.Add(0.7f);
                continue;
            }

            float bv = (float)((random.NextDouble() * 220) - 200);
            double target = Math.ScaleB(1.0 + random.NextDouble(), -150 + random.Next(24)) * (random.Next(2) == 0 ? -1 : 1);
            double f = truth(1.0, bv);
            float av = (float)(target / f);
            if (f == 0 || !float.IsFinite(av) || av == 0 || Math.Abs(truth(av, bv)) >= Ulp.MinNormal)
            {
                continue;
            }

            a.Add(av);
            b.Add(bv);
            subnormal++;
        }

        float[] af = [.. a], bf = [.. b];
        AssertWithin(af, bf, Forward<TOp>(af, bf), truth, maxUlps);
        WidthsAgree<TOp>(af, bf);
        Assert.True(subnormal > 40_000, $"only {subnormal} subnormal pairs");
    }

    /// <summary>Runs the operator's forward on scalar lanes over the pairs.</summary>
    public static float[] Forward<TOp>(float[] a, float[] b)
        where TOp : struct, IGateOperator =>
        [.. a.Select((x, i) => TOp.Forward<float, FloatScalarLanes>(x, b[i]))];

    /// <summary>
    /// The fused gates' bound in subnormal spacing (2^-149) where the result is below 2^-126: their quotient is rounded
    /// once (0.57 ULP) and then scaled by a power of two, which rounds again on the subnormal grid: ½ + 0.57·½ &lt; 0.79
    /// (a quotient ULP is at most half a subnormal step there). A flushed result is thousands of these.
    /// </summary>
    public const double SubnormalUlps = 0.79;

    /// <summary>
    /// Every result within <paramref name="maxUlps"/> of the truth where it is normal, within
    /// <see cref="SubnormalUlps"/> in subnormal spacing where it is below 2^-126 (or <paramref name="maxUlps"/> if that is
    /// larger), NaN exactly where the truth is NaN; returns the worst normal error.
    /// </summary>
    public static double AssertWithin(float[] a, float[] b, float[] actual, Func<double, double, double> truth, double maxUlps)
    {
        double worst = 0;
        var failures = new List<string>();
        for (int i = 0; i < a.Length; i++)
        {
            double t = truth(a[i], b[i]);
            double error = Ulp.Error(actual[i], t);
            bool tail = !double.IsNaN(t) && Math.Abs(t) < Ulp.MinNormal;
            bool ok = error <= (tail ? Math.Max(SubnormalUlps, maxUlps) : maxUlps);
            if (!tail && !double.IsInfinity(error))
            {
                worst = Math.Max(worst, error);
            }

            if (!ok && failures.Count < 10)
            {
                failures.Add($"a = {a[i]:R}, b = {b[i]:R}: got {actual[i]:R}, truth {t:R} ({error:F3} ULP)");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return worst;
    }

    /// <summary>
    /// A backward value within <paramref name="relative"/> of the truth, with an absolute floor where the truth is
    /// in the underflow: <paramref name="scale"/>·2^-125 (the slope's own underflow) plus 2^-148 (the product's), plus
    /// <paramref name="absolute"/> for a bound stated relative to something other than the value.
    /// </summary>
    public static void AssertRelative(float actual, double truth, double scale, double relative, string what, double absolute = 0)
    {
        if (double.IsNaN(truth))
        {
            Assert.True(float.IsNaN(actual), $"{what}: got {actual:R}, truth NaN");
            return;
        }

        double allowed = (relative * Math.Abs(truth)) + (scale * Math.ScaleB(1.0, -125)) + Math.ScaleB(1.0, -148) + absolute;
        Assert.True(Math.Abs(actual - truth) <= allowed, $"{what}: got {actual:R}, truth {truth:R}");
    }

    /// <summary>Every accelerated width gives the scalar lanes' bits, forward and backward.</summary>
    /// <summary>
    /// The gate's vector-wide shortcut (every lane ordinary: FloatGate.AllOrdinary) gives the general path's bits: each
    /// pair alone on scalar lanes (the shortcut wherever the pair is ordinary) against the same pair in a 4-float vector
    /// whose last lane is b = −100 (t ≥ 46: the general path for the whole vector). Returns how many pairs took the shortcut.
    /// </summary>
    public static int ShortcutAgrees<TOp>(float[] a, float[] b)
        where TOp : struct, IGateOperator
    {
        int ordinary = 0;
        for (int i = 0; i < a.Length; i++)
        {
            float alone = TOp.Forward<float, FloatScalarLanes>(a[i], b[i]);
            Vector128<float> general = TOp.Forward<Vector128<float>, FloatLanes128>(
                Vector128.Create(a[i], a[i], a[i], 1.0f), Vector128.Create(b[i], b[i], b[i], -100.0f));
            Assert.True(OperatorChecks.SameBits(alone, general[0]), $"({a[i]:R}, {b[i]:R}): {alone:R} alone, {general[0]:R} in a general vector");
            ordinary += FloatGate.AllOrdinary<float, FloatScalarLanes>(a[i], b[i], a[i] * b[i], FloatGate.SmallestUnscaled, FloatGate.LargestUnscaled) ? 1 : 0;
        }

        return ordinary;
    }

    public static void WidthsAgree<TOp>(float[] a, float[] b)
        where TOp : struct, IGateOperator
    {
        float[] g = [.. a.Select((_, i) => (float)Math.Sin(i) * 3)];
        (float[] y, float[] da, float[] db) = Run<TOp, float, FloatScalarLanes, FloatMemoryScalarLanes>(a, b, g);
        if (Vector128.IsHardwareAccelerated)
        {
            Same(y, da, db, Run<TOp, Vector128<float>, FloatLanes128, FloatMemoryLanes128>(a, b, g), "128");
        }

        if (Vector256.IsHardwareAccelerated)
        {
            Same(y, da, db, Run<TOp, Vector256<float>, FloatLanes256, FloatMemoryLanes256>(a, b, g), "256");
        }

        if (Vector512.IsHardwareAccelerated)
        {
            Same(y, da, db, Run<TOp, Vector512<float>, FloatLanes512, FloatMemoryLanes512>(a, b, g), "512");
        }
    }

    private static (float[] Y, float[] DA, float[] DB) Run<TOp, TV, TL, TM>(float[] a, float[] b, float[] g)
        where TOp : struct, IGateOperator
        where TV : struct
        where TL : IFloatLanes<TV>
        where TM : IFloatMemoryLanes<TV>
    {
        var y = new float[a.Length];
        var da = new float[a.Length];
        var db = new float[a.Length];
        GateLoop.RunAt<TOp, TV, TL, TM>(a, b, y);
        GateLoop.RunBackwardAt<TOp, TV, TL, TM>(g, a, b, da, db);

        return (y, da, db);
    }

    private static void Same(float[] y, float[] da, float[] db, (float[] Y, float[] DA, float[] DB) wide, string width)
    {
        for (int i = 0; i < y.Length; i++)
        {
            Assert.True(OperatorChecks.SameBits(y[i], wide.Y[i]), $"{width}-bit forward differs at {i}: {y[i]:R} vs {wide.Y[i]:R}");
            Assert.True(OperatorChecks.SameBits(da[i], wide.DA[i]), $"{width}-bit dL/da differs at {i}: {da[i]:R} vs {wide.DA[i]:R}");
            Assert.True(OperatorChecks.SameBits(db[i], wide.DB[i]), $"{width}-bit dL/db differs at {i}: {db[i]:R} vs {wide.DB[i]:R}");
        }
    }
}
