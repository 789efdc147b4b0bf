using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Tests.Kernels.VectorMath;

public class FloatMemoryLanesTests
{
    // The largest value in every position, among negatives, infinities and signed zeros.
    [Fact]
    public void MaxAcrossFindsTheLargestLaneAtEveryWidth()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 200; trial++)
        {
            float[] v = [.. Enumerable.Range(0, 16).Select(_ => (float)((random.NextDouble() * 100) - 90))];
            v[random.Next(16)] = float.NegativeInfinity;
            for (int at = 0; at < 16; at++)
            {
                float[] w = [.. v];
                w[at] = 50f + trial;
                Assert.Equal(w.Max(), FloatMemoryLanes512.MaxAcross(Vector512.Create(w)));
                Assert.Equal(w.AsSpan(0, 8).ToArray().Max(), FloatMemoryLanes256.MaxAcross(Vector256.Create(w.AsSpan(0, 8))));
                Assert.Equal(w.AsSpan(8, 4).ToArray().Max(), FloatMemoryLanes128.MaxAcross(Vector128.Create(w.AsSpan(8, 4))));
            }
        }

        Assert.Equal(float.PositiveInfinity, FloatMemoryLanes512.MaxAcross(Vector512.Create(float.PositiveInfinity).WithElement(3, 1f)));
        Assert.Equal(-1f, FloatMemoryLanes128.MaxAcross(Vector128.Create(-1f, -2f, float.NegativeInfinity, -3f)));
    }

    [Fact]
    public void MaxIsLaneWiseAtEveryWidth()
    {
        float[] a = [.. Enumerable.Range(0, 16).Select(i => i - 8f)];
        float[] b = [.. Enumerable.Range(0, 16).Select(i => 8f - (2 * i))];
        Vector512<float> m512 = FloatMemoryLanes512.Max(Vector512.Create(a), Vector512.Create(b));
        Vector256<float> m256 = FloatMemoryLanes256.Max(Vector256.Create(a.AsSpan(0, 8)), Vector256.Create(b.AsSpan(0, 8)));
        Vector128<float> m128 = FloatMemoryLanes128.Max(Vector128.Create(a.AsSpan(0, 4)), Vector128.Create(b.AsSpan(0, 4)));
        for (int i = 0; i < 16; i++)
        {
            float expected = Math.Max(a[i], b[i]);
            Assert.Equal(expected, m512[i]);
            Assert.Equal(expected, FloatMemoryScalarLanes.Max(a[i], b[i]));
            Assert.Equal(expected, i < 8 ? m256[i] : expected);
            Assert.Equal(expected, i < 4 ? m128[i] : expected);
        }
    }
}
