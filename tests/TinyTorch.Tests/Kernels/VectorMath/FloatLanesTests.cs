using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

// The lane members the table-driven exponential added: every width gives the scalar's bits, which are the definition.
public class FloatLanesTests
{
    private static ReadOnlySpan<float> Table => [1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f, 13f, 14f, 15f, 16f];

    // kd = 1.5·2^23 + n for n across a few table periods, negative and positive.
    private static float[] Magics()
    {
        var kd = new float[48];
        for (int i = 0; i < kd.Length; i++)
        {
            kd[i] = FloatExp.RoundingMagic + ((i - 24) * 7) - 3;
        }

        return kd;
    }

    [Fact]
    public void ScalarLookupIndexesByNModulo16()
    {
        foreach (float kd in Magics())
        {
            int n = (int)(kd - FloatExp.RoundingMagic);
            Assert.Equal(Table[((n % 16) + 16) % 16], FloatScalarLanes.Lookup16(kd, Table));
        }
    }

    [Fact]
    public void ScalarPowerOfTwoIsTwoToTheFloorOfNOver16()
    {
        foreach (float kd in Magics().Append(FloatExp.RoundingMagic - 2032f).Append(FloatExp.RoundingMagic - 2017f))
        {
            int n = (int)(kd - FloatExp.RoundingMagic);
            int k = (int)Math.Floor(n / 16.0);
            Assert.Equal(k == -127 ? 0f : (float)Math.ScaleB(1.0, k), FloatScalarLanes.Pow2FromMagicOver16(kd));
        }
    }

    [Fact]
    public void EveryWidthGivesTheScalarBits()
    {
        float[] kd = Magics();
        var random = new Random(21);
        float[] a = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        float[] b = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        float[] c = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        for (int i = 0; i < kd.Length; i += 16)
        {
            Vector512<float> lookup512 = FloatLanes512.Lookup16(Vector512.Create(kd.AsSpan(i)), Table);
            Vector512<float> pow512 = FloatLanes512.Pow2FromMagicOver16(Vector512.Create(kd.AsSpan(i)));
            Vector512<float> nma512 = FloatLanes512.NegatedMultiplyAdd(Vector512.Create(a.AsSpan(i)), Vector512.Create(b.AsSpan(i)), Vector512.Create(c.AsSpan(i)));
            for (int j = 0; j < 16; j++)
            {
                int at = i + j;
                float expected = FloatScalarLanes.Lookup16(kd[at], Table);
                float expectedPow = FloatScalarLanes.Pow2FromMagicOver16(kd[at]);
                float expectedNma = FloatScalarLanes.NegatedMultiplyAdd(a[at], b[at], c[at]);
                Assert.Equal(expected, lookup512[j]);
                Assert.Equal(expectedPow, pow512[j]);
                Assert.Equal(expectedNma, nma512[j]);
                Assert.Equal(expected, FloatLanes256.Lookup16(Vector256.Create(kd.AsSpan(at - (j % 8))), Table)[j % 8]);
                Assert.Equal(expectedPow, FloatLanes256.Pow2FromMagicOver16(Vector256.Create(kd.AsSpan(at - (j % 8))))[j % 8]);
                Assert.Equal(expected, FloatLanes128.Lookup16(Vector128.Create(kd.AsSpan(at - (j % 4))), Table)[j % 4]);
                Assert.Equal(expectedPow, FloatLanes128.Pow2FromMagicOver16(Vector128.Create(kd.AsSpan(at - (j % 4))))[j % 4]);
                int at8 = at - (j % 8), at4 = at - (j % 4);
                Assert.Equal(expectedNma, FloatLanes256.NegatedMultiplyAdd(Vector256.Create(a.AsSpan(at8)), Vector256.Create(b.AsSpan(at8)), Vector256.Create(c.AsSpan(at8)))[j % 8]);
                Assert.Equal(expectedNma, FloatLanes128.NegatedMultiplyAdd(Vector128.Create(a.AsSpan(at4)), Vector128.Create(b.AsSpan(at4)), Vector128.Create(c.AsSpan(at4)))[j % 4]);
            }
        }
    }

    [Fact]
    public void NegatedMultiplyAddIsFused()
    {
        // 1 − (1 + 2^-12)² = −2^-11 − 2^-24 exactly; unfused, the square rounds to 1 + 2^-11 and the 2^-24 is lost.
        float a = 1f + MathF.ScaleB(1f, -12);
        Assert.Equal(-MathF.ScaleB(1f, -11) - MathF.ScaleB(1f, -24), FloatScalarLanes.NegatedMultiplyAdd(a, a, 1f));
        Assert.Equal(-MathF.ScaleB(1f, -11) - MathF.ScaleB(1f, -24), FloatLanes512.NegatedMultiplyAdd(Vector512.Create(a), Vector512.Create(a), Vector512.Create(1f))[0]);
    }

    [Fact]
    public void ScaleByPow2Over16AddsTheFloorOfNOver16ToTheExponent()
    {
        foreach (int n in new[] { -2000, -1990, -17, -16, -9, -8, -1, 0, 7, 8, 15, 16, 1000, 2031 })
        {
            float kd = FloatExp.TableMagic + n;
            int k = (int)Math.Floor((n + 8) / 16.0);
            foreach (float x in new[] { 0.70710677f, 1f, 1.3542556f })
            {
                Assert.Equal((float)Math.ScaleB(x, k), FloatScalarLanes.ScaleByPow2Over16(x, kd));
            }
        }
    }

    [Fact]
    public void NewMembersGiveTheScalarBitsAtEveryWidth()
    {
        float[] kd = Magics();
        var random = new Random(22);
        float[] a = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        float[] b = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        float[] c = [.. kd.Select(_ => (float)(random.NextDouble() * 4) - 2)];
        for (int at = 0; at < kd.Length; at++)
        {
            int j16 = at % 16, j8 = at % 8, j4 = at % 4, at16 = at - j16, at8 = at - j8, at4 = at - j4;
            float nms = FloatScalarLanes.NegatedMultiplySubtract(a[at], b[at], c[at]);
            Assert.Equal(nms, FloatLanes512.NegatedMultiplySubtract(Vector512.Create(a.AsSpan(at16)), Vector512.Create(b.AsSpan(at16)), Vector512.Create(c.AsSpan(at16)))[j16]);
            Assert.Equal(nms, FloatLanes256.NegatedMultiplySubtract(Vector256.Create(a.AsSpan(at8)), Vector256.Create(b.AsSpan(at8)), Vector256.Create(c.AsSpan(at8)))[j8]);
            Assert.Equal(nms, FloatLanes128.NegatedMultiplySubtract(Vector128.Create(a.AsSpan(at4)), Vector128.Create(b.AsSpan(at4)), Vector128.Create(c.AsSpan(at4)))[j4]);

            float scaled = FloatScalarLanes.ScaleByPow2Over16(a[at], kd[at]);
            Assert.Equal(scaled, FloatLanes512.ScaleByPow2Over16(Vector512.Create(a.AsSpan(at16)), Vector512.Create(kd.AsSpan(at16)))[j16]);
            Assert.Equal(scaled, FloatLanes256.ScaleByPow2Over16(Vector256.Create(a.AsSpan(at8)), Vector256.Create(kd.AsSpan(at8)))[j8]);
            Assert.Equal(scaled, FloatLanes128.ScaleByPow2Over16(Vector128.Create(a.AsSpan(at4)), Vector128.Create(kd.AsSpan(at4)))[j4]);

            float larger = FloatScalarLanes.Larger(a[at], b[at]), smaller = FloatScalarLanes.Smaller(a[at], b[at]);
            Assert.Equal(Math.Max(a[at], b[at]), larger);
            Assert.Equal(larger, FloatLanes512.Larger(Vector512.Create(a.AsSpan(at16)), Vector512.Create(b.AsSpan(at16)))[j16]);
            Assert.Equal(smaller, FloatLanes256.Smaller(Vector256.Create(a.AsSpan(at8)), Vector256.Create(b.AsSpan(at8)))[j8]);
            Assert.Equal(smaller, FloatLanes128.Smaller(Vector128.Create(a.AsSpan(at4)), Vector128.Create(b.AsSpan(at4)))[j4]);
        }

        // −(a·b) − c fused: −(1 + 2^-12)² + 1 keeps the 2^-24 that an unfused square loses.
        float f = 1f + MathF.ScaleB(1f, -12);
        Assert.Equal(-MathF.ScaleB(1f, -11) - MathF.ScaleB(1f, -24), FloatScalarLanes.NegatedMultiplySubtract(f, f, -1f));
    }
}
