using System.Globalization;
using System.Security;
using System.Text;

namespace Tito.Plotting;

/// <summary>Writes sampled curves as a self-contained SVG: grid, axes, tick labels, legend, one polyline per curve.</summary>
internal static class SvgPlot
{
    private const double Width = 820, Height = 520;
    private const double Left = 70, Right = 30, Top = 50, Bottom = 60;

    /// <summary>The SVG document for <paramref name="data"/>.</summary>
    public static string Render(PlotData data, string title, string yLabel)
    {
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double x) => Left + ((x - data.From) / (data.To - data.From) * plotW);
        double Y(double y) => Top + ((data.YMax - y) / (data.YMax - data.YMin) * plotH);

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"13\">"));
        svg.AppendLine("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.AppendLine(Invariant($"  <text x=\"{Width / 2}\" y=\"28\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\">{Escape(title)}</text>"));

        (IReadOnlyList<double> xTicks, IReadOnlyList<string> xLabels) = XTicks(data.From, data.To, plotW);
        IReadOnlyList<double> yTicks = AxisTicks.For(data.YMin, data.YMax, 8);
        IReadOnlyList<string> yLabels = AxisTicks.Labels(yTicks);
        svg.AppendLine("  <g stroke=\"#e0e0e0\" stroke-width=\"1\">");
        foreach (double t in xTicks)
        {
            svg.AppendLine(Invariant($"    <line x1=\"{X(t):0.##}\" y1=\"{Top}\" x2=\"{X(t):0.##}\" y2=\"{Top + plotH}\"/>"));
        }

        foreach (double t in yTicks)
        {
            svg.AppendLine(Invariant($"    <line x1=\"{Left}\" y1=\"{Y(t):0.##}\" x2=\"{Left + plotW}\" y2=\"{Y(t):0.##}\"/>"));
        }

        svg.AppendLine("  </g>");
        svg.AppendLine(Invariant($"  <rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#888\"/>"));

        // The axes through the origin, darker than the grid, where they fall inside the plot.
        svg.AppendLine(Invariant($"  <line x1=\"{Left}\" y1=\"{Y(0):0.##}\" x2=\"{Left + plotW}\" y2=\"{Y(0):0.##}\" stroke=\"#444\" stroke-width=\"1.2\"/>"));
        if (data.From < 0 && data.To > 0)
        {
            svg.AppendLine(Invariant($"  <line x1=\"{X(0):0.##}\" y1=\"{Top}\" x2=\"{X(0):0.##}\" y2=\"{Top + plotH}\" stroke=\"#444\" stroke-width=\"1.2\"/>"));
        }

        for (int i = 0; i < xTicks.Count; i++)
        {
            svg.AppendLine(Invariant($"  <text x=\"{X(xTicks[i]):0.##}\" y=\"{Top + plotH + 20}\" text-anchor=\"middle\">{xLabels[i]}</text>"));
        }

        for (int i = 0; i < yTicks.Count; i++)
        {
            svg.AppendLine(Invariant($"  <text x=\"{Left - 8}\" y=\"{Y(yTicks[i]) + 4:0.##}\" text-anchor=\"end\">{yLabels[i]}</text>"));
        }

        svg.AppendLine(Invariant($"  <text x=\"{Left + (plotW / 2)}\" y=\"{Height - 15}\" text-anchor=\"middle\" font-style=\"italic\">x</text>"));
        svg.AppendLine(Invariant($"  <text x=\"20\" y=\"{Top + (plotH / 2)}\" text-anchor=\"middle\" font-style=\"italic\" transform=\"rotate(-90 20 {Top + (plotH / 2)})\">{Escape(yLabel)}</text>"));

        foreach ((Curve curve, float[] xs, float[] ys) in data.Series)
        {
            foreach (string points in Segments(xs, ys, X, Y))
            {
                svg.AppendLine($"  <polyline fill=\"none\" stroke=\"{curve.SvgColor}\" stroke-width=\"2\"{Dash(curve)} points=\"{points}\"><title>{Escape(curve.Label)}</title></polyline>");
            }
        }

        AppendLegend(svg, data);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// One SVG document with the panels stacked top to bottom, each a whole plot of its own (axes, legend): how many
    /// curves stay readable when there are too many for one legend.
    /// </summary>
    public static string Render(IReadOnlyList<(PlotData Data, string Title)> panels, string yLabel)
    {
        if (panels.Count == 1)
        {
            return Render(panels[0].Data, panels[0].Title, yLabel);
        }

        var svg = new StringBuilder();
        double total = Height * panels.Count;
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{total}\" viewBox=\"0 0 {Width} {total}\">"));
        for (int i = 0; i < panels.Count; i++)
        {
            // A nested <svg> is its own viewport: each panel keeps its coordinates, shifted down by its index.
            string panel = Render(panels[i].Data, panels[i].Title, yLabel);
            svg.Append(panel.Replace("<svg xmlns=\"http://www.w3.org/2000/svg\"", Invariant($"<svg y=\"{Height * i}\""), StringComparison.Ordinal));
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void AppendLegend(StringBuilder svg, PlotData data)
    {
        double x = Left + 12, y = Top + 12, rowH = 20;
        svg.AppendLine(Invariant($"  <rect x=\"{x}\" y=\"{y}\" width=\"210\" height=\"{(data.Series.Count * rowH) + 10}\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#bbb\"/>"));
        for (int i = 0; i < data.Series.Count; i++)
        {
            Curve c = data.Series[i].Curve;
            double cy = y + 15 + (i * rowH);
            svg.AppendLine(Invariant($"  <line x1=\"{x + 10}\" y1=\"{cy}\" x2=\"{x + 40}\" y2=\"{cy}\" stroke=\"{c.SvgColor}\" stroke-width=\"3\"{Dash(c)}/>"));
            svg.AppendLine(Invariant($"  <text x=\"{x + 48}\" y=\"{cy + 4}\">{Escape(c.Label)}</text>"));
        }
    }

    /// <summary>The polyline point lists, split wherever a value is not finite.</summary>
    private static IEnumerable<string> Segments(float[] xs, float[] ys, Func<double, double> px, Func<double, double> py)
    {
        var current = new List<string>();
        for (int i = 0; i <= xs.Length; i++)
        {
            if (i < xs.Length && float.IsFinite(ys[i]))
            {
                current.Add(Invariant($"{px(xs[i]):0.##},{py(ys[i]):0.##}"));
                continue;
            }

            if (current.Count > 1)
            {
                yield return string.Join(' ', current);
            }

            current.Clear();
        }
    }

    private static string Dash(Curve c) => c.SvgDash is null ? "" : $" stroke-dasharray=\"{c.SvgDash}\"";

    /// <summary>An estimate of a 13 px sans-serif digit's width, generous so that an estimate never lets labels touch.</summary>
    private const double CharWidth = 8;

    /// <summary>
    /// The x ticks, about 10 of them or fewer when their labels are wide: centred labels at least 10 px apart
    /// (1.2e30-style labels at 10 ticks would run into each other across a 720 px axis).
    /// </summary>
    internal static (IReadOnlyList<double> Ticks, IReadOnlyList<string> Labels) XTicks(double from, double to, double plotWidth) =>
        AxisTicks.Fitting(from, to, 10, (ticks, labels) => Enumerable.Range(1, Math.Max(0, ticks.Count - 1)).All(i =>
            (ticks[i] - ticks[i - 1]) / (to - from) * plotWidth >= ((labels[i].Length + labels[i - 1].Length) / 2.0 * CharWidth) + 10));

    private static string Escape(string s) => SecurityElement.Escape(s);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
