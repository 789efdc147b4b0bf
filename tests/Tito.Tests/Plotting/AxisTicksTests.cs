using Tito.Plotting;

namespace Tito.Tests.Plotting;

public class AxisTicksTests
{
    [Theory]
    [InlineData(-5, 5, 10, new[] { -5.0, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5 })]
    [InlineData(-0.2, 1.1, 6, new[] { 0.0, 0.5, 1 })]
    [InlineData(-0.17, 1.05, 8, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(0, 100, 4, new[] { 0.0, 50, 100 })]
    public void Ticks_AreRoundStepsInsideTheRange(double lo, double hi, int target, double[] expected) =>
        Assert.Equal(expected, AxisTicks.For(lo, hi, target));

    /// <summary>Ranges where the old "0.##" labels collided or ran together: huge, tiny, far from zero, negative.</summary>
    public static TheoryData<double, double> ExtremeRanges() => new()
    {
        { -1e6, 1e6 },
        { 1, 1.000001 },
        { 1e30, 2e30 },
        { -2e30, -1e30 },
        { -3.4e38, 3.4e38 },
        { 0, 1e-40 },
        { -1e-7, 1e-7 },
        { 123456.5, 123456.75 },
        { -5, 5 },
    };

    [Theory]
    [MemberData(nameof(ExtremeRanges))]
    public void Labels_AreDistinct_Short_AndReadBackAsTheirTick(double lo, double hi)
    {
        for (int target = 1; target <= 12; target++)
        {
            IReadOnlyList<double> ticks = AxisTicks.For(lo, hi, target);
            IReadOnlyList<string> labels = AxisTicks.Labels(ticks);

            Assert.NotEmpty(ticks);
            Assert.Equal(labels.Count, labels.Distinct().Count());
            Assert.All(labels, l => Assert.True(l.Length <= 12, $"label '{l}' is long"));
            double step = ticks.Count > 1 ? ticks[1] - ticks[0] : hi - lo;
            for (int i = 0; i < ticks.Count; i++)
            {
                double read = double.Parse(labels[i], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(read - ticks[i]) <= step * 1e-6, $"'{labels[i]}' for tick {ticks[i]}");
            }
        }
    }

    [Theory]
    [InlineData(-1e6, 1e6, 4, new[] { "-1e6", "-5e5", "0", "5e5", "1e6" })]
    [InlineData(1e30, 2e30, 5, new[] { "1e30", "1.2e30", "1.4e30", "1.6e30", "1.8e30", "2e30" })]
    [InlineData(1, 1.000001, 5, new[] { "1", "1.0000002", "1.0000004", "1.0000006", "1.0000008", "1.000001" })]
    [InlineData(0, 1000, 5, new[] { "0", "200", "400", "600", "800", "1000" })]
    [InlineData(-0.17, 1.05, 8, new[] { "0", "0.2", "0.4", "0.6", "0.8", "1" })]
    public void Labels_AreFixedPoint_UnlessScientificIsMuchShorter(double lo, double hi, int target, string[] expected) =>
        Assert.Equal(expected, AxisTicks.Labels(AxisTicks.For(lo, hi, target)));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(0, double.PositiveInfinity)]
    [InlineData(-double.MaxValue, double.MaxValue)]   // the width itself overflows
    public void ARangeThatCannotHaveTicks_IsRefused_NotLoopedOver(double lo, double hi) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AxisTicks.For(lo, hi));

    [Fact]
    public void Fitting_TakesFewerTicks_UntilTheRendererAccepts()
    {
        (IReadOnlyList<double> ticks, _) = AxisTicks.Fitting(0, 10, 10, (t, _) => t.Count <= 3);
        Assert.Equal([0.0, 5, 10], ticks);
    }
}
