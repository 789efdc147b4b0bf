using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

public class HalfMidpointsTests
{
    [Theory]
    [InlineData(1 + (1.0 / 2048), true)]                 // halfway between the Halfs 1 and 1 + 2^-10
    [InlineData(1.0, false)]                             // a Half itself
    [InlineData(-(1024 + 0.5), true)]                    // a midpoint of spacing 1, negative
    [InlineData(1.0 / (1 << 25), true)]                  // 2^-25: halfway between the Half subnormals 0 and 2^-24
    [InlineData(3.0 / (1 << 25), true)]                  // 1.5·2^-24: between the subnormals 2^-24 and 2^-23
    [InlineData(1.0 / (1 << 24), false)]                 // the smallest subnormal Half itself
    [InlineData(65520.0, true)]                          // halfway between 65504 and the next step, where Half overflows
    [InlineData(0.0, false)]
    public void MidpointsAreRiskyAndHalfsAreNot(double value, bool risky)
    {
        uint bits = BitConverter.SingleToUInt32Bits((float)value);
        Assert.Equal(risky, HalfMidpoints.IsRisky(bits));
        float nextUp = MathF.BitIncrement((float)value);
        float fourUp = BitConverter.UInt32BitsToSingle(bits + 4);
        Assert.Equal(risky, HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(nextUp)) && HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(fourUp)));
    }

    [Fact]
    public void TheVectorScanFindsExactlyTheLanesTheScalarTestFinds()
    {
        var random = new Random(3);
        float[] y = [.. Enumerable.Range(0, 50_000).Select(i => i % 3 == 0
            ? (float)(Half)((random.NextDouble() - 0.5) * 100) + ((random.Next(13) - 6) * MathF.Pow(2, -20))
            : (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 17))))];
        float[] g = [.. Enumerable.Range(0, y.Length).Select(_ => (float)((random.NextDouble() - 0.5) * 8))];
        float[] s = [.. Enumerable.Range(0, y.Length).Select(_ => (float)((random.NextDouble() - 0.5) * 4))];
        var found = new List<int>();
        for (int i = HalfMidpoints.NextRisky(y, 0); i < y.Length; i = HalfMidpoints.NextRisky(y, i + 1))
        {
            found.Add(i);
        }

        Assert.Equal(Enumerable.Range(0, y.Length).Where(i => HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(y[i]))), found);
        Assert.NotEmpty(found);

        var zoned = new List<int>();
        for (int i = HalfMidpoints.NextRisky(y, g, s, 0, -0.5f, 0.5f); i < y.Length; i = HalfMidpoints.NextRisky(y, g, s, i + 1, -0.5f, 0.5f))
        {
            zoned.Add(i);
        }

        var expected = Enumerable.Range(0, y.Length)
            .Where(i => HalfMidpoints.IsRisky(BitConverter.SingleToUInt32Bits(y[i]), s[i] is >= -0.5f and <= 0.5f ? g[i] : 0f));
        Assert.Equal(expected, zoned);
        Assert.True(zoned.Count > found.Count, "the zone widens the window");
    }
}
