using Tito.Plotting;

namespace Tito.Tests.Plotting;

public class TerminalPlotTests
{
    [Theory]
    [MemberData(nameof(AxisTicksTests.ExtremeRanges), MemberType = typeof(AxisTicksTests))]
    public void XAxisLabels_NeverTouch_AndEachIsATickLabel(double from, double to)
    {
        foreach (int columns in new[] { 10, 20, 40, 72, 200 })
        {
            (string line, int[] tickColumns) = TerminalPlot.XAxisLabels(from, to, columns);

            // Labels that touched would read as one word; every word must be a whole label, and none repeated.
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(words);
            Assert.Equal(words.Length, words.Distinct().Count());
            Assert.All(words, w => Assert.True(double.TryParse(w, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), $"'{w}' in '{line}'"));
            Assert.All(tickColumns, c => Assert.InRange(c, 1, columns));
            if (columns >= 40)
            {
                Assert.True(words.Length >= 2, $"only '{line}' at {columns} columns");
            }
        }
    }
}
