using System.Xml.Linq;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class PlotCommandTests
{
    [Fact]
    public void PlotAll_DrawsBrailleWithAxesAndALegendEntryPerCurve()
    {
        TitoRun run = TitoRun.Of("plot all --width 60 --height 16");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Out, c => c >= '\u2801' && c <= '\u28FF');   // braille dots were drawn
        Assert.Contains("└", run.Out);
        Assert.Contains("-4", run.Out);
        Assert.Contains("4", run.Out);
        foreach (string label in new[] { "ReLU", "Sigmoid", "Tanh", "GELU (sigmoid form)", "GELU (tanh form)", "GELU (exact erf)", "Softmax([x, 0])₀" })
        {
            Assert.Contains($"━━ {label}", run.Out);
        }
    }

    [Fact]
    public void PlotToSvg_WritesValidSvgWithOnePolylinePerCurve_AxesAndLegend()
    {
        using var temp = new TempFolder();
        string file = Path.Combine(temp.Path, "f.svg");
        TitoRun run = TitoRun.Of(["plot", "relu", "sigmoid", "gelu-exact", "--out", file]);
        Assert.Equal(0, run.ExitCode);

        XDocument svg = XDocument.Load(file);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(3, svg.Descendants(ns + "polyline").Count());
        string[] texts = [.. svg.Descendants(ns + "text").Select(t => t.Value)];
        Assert.Contains("ReLU", texts);
        Assert.Contains("GELU (exact erf)", texts);
        Assert.Contains("-5", texts);   // x tick labels
        Assert.Contains("5", texts);
        Assert.Contains("x", texts);
    }

    [Fact]
    public void SvgPolyline_FollowsTheFunction()
    {
        using var temp = new TempFolder();
        string file = Path.Combine(temp.Path, "relu.svg");
        Assert.Equal(0, TitoRun.Of(["plot", "relu", "--from", "-1", "--to", "1", "--out", file]).ExitCode);

        // ReLU over [−1, 1]: the first half of the polyline is flat (y = 0), the last point is the highest.
        XNamespace ns = "http://www.w3.org/2000/svg";
        double[] ys = [.. XDocument.Load(file).Descendants(ns + "polyline").Single().Attribute("points")!.Value
            .Split(' ').Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.All(ys.Take(ys.Length / 2), y => Assert.Equal(ys[0], y));
        Assert.Equal(ys.Min(), ys[^1]);   // SVG y grows downward
    }

    [Fact]
    public void Derivative_TitlesThePlotAsDerivatives()
    {
        TitoRun run = TitoRun.Of("plot sigmoid tanh --derivative --width 30 --height 8");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Derivatives", run.Out);
        Assert.Contains("━━ Sigmoid′", run.Out);
    }

    [Theory]
    [InlineData("plot relu --from 5 --to -5")]
    [InlineData("plot relu --width 3")]
    public void BadRange_ExitsTwo(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tito: ", run.Error);
    }

    [Theory]
    [InlineData("--from 5 --to 5", "--from must be less than --to (got --from 5 --to 5): the x range would be empty")]
    [InlineData("--from NaN --to 1", "--from and --to must be finite numbers")]
    [InlineData("--from -Infinity --to 1", "--from and --to must be finite numbers")]
    [InlineData("--from 1e39 --to 2e39", "--from and --to must lie within ±3.4e38")]
    [InlineData("--from 1 --to 1.00000001", "the x range is narrower than float32 can tell apart near 1")]
    public void AnUndrawableRange_IsOneClearUserError(string range, string expected)
    {
        TitoRun run = TitoRun.Of("plot relu " + range);
        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("-1e6", "1e6", new[] { "-1e6", "-5e5", "0", "5e5", "1e6" })]
    [InlineData("1e30", "2e30", new[] { "1e30", "1.2e30", "2e30" })]
    [InlineData("1", "1.000001", new[] { "1", "1.0000002", "1.000001" })]
    public void ExtremeRanges_LabelTheXAxisWithDistinctCompactNumbers(string from, string to, string[] someLabels)
    {
        TitoRun run = TitoRun.Of(["plot", "relu", "--from", from, "--to", to]);
        Assert.Equal(0, run.ExitCode);
        string axisLine = run.Out.Split('\n').Single(l => l.TrimEnd().EndsWith("   x", StringComparison.Ordinal));
        string[] words = axisLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
        Assert.Equal(words.Length, words.Distinct().Count());
        Assert.All(someLabels, l => Assert.Contains(l, words));
    }
}
