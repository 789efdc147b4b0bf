using Tito.Plotting;

namespace Tito.Tests.Plotting;

public class SvgPlotTests
{
    [Theory]
    [MemberData(nameof(AxisTicksTests.ExtremeRanges), MemberType = typeof(AxisTicksTests))]
    public void XTickLabels_AreDistinct_AndSpacedWiderThanThemselves(double from, double to)
    {
        const double PlotWidth = 720, DigitWidth = 7.5;   // a 13 px sans-serif digit is about 7.2 px wide
        (IReadOnlyList<double> ticks, IReadOnlyList<string> labels) = SvgPlot.XTicks(from, to, PlotWidth);

        Assert.True(ticks.Count >= 2);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        for (int i = 1; i < ticks.Count; i++)
        {
            double apart = (ticks[i] - ticks[i - 1]) / (to - from) * PlotWidth;
            Assert.True(apart > (labels[i].Length + labels[i - 1].Length) / 2.0 * DigitWidth, $"'{labels[i - 1]}' and '{labels[i]}' are {apart:0} px apart");
        }
    }
}
