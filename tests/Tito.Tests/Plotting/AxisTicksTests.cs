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
}
