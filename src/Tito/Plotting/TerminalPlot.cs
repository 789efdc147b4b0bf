using System.Text;
using Spectre.Console;

namespace Tito.Plotting;

/// <summary>Draws sampled curves in the terminal with braille dots, labelled axes and a coloured legend.</summary>
internal static class TerminalPlot
{
    /// <summary>The narrowest y-axis gutter: a 7-character label and the axis; wider labels widen it.</summary>
    private const int MinimumGutter = 8;

    /// <summary>Renders <paramref name="data"/> (sampled at 2 × <paramref name="columns"/> points) to the console.</summary>
    public static void Render(IAnsiConsole console, PlotData data, int columns, int rows, string title)
    {
        var canvas = new BrailleCanvas(columns, rows);
        int PixelY(double y) => (int)Math.Round((data.YMax - y) / (data.YMax - data.YMin) * (canvas.PixelHeight - 1));
        for (int k = 0; k < data.Series.Count; k++)
        {
            float[] ys = data.Series[k].Y;
            int? previous = null;
            for (int px = 0; px < ys.Length && px < canvas.PixelWidth; px++)
            {
                if (!float.IsFinite(ys[px]))
                {
                    previous = null;
                    continue;
                }

                // Join each dot to the previous column's so steep parts (ReLU's kink, tanh near 0) stay connected.
                int py = PixelY(ys[px]);
                int from = previous ?? py;
                for (int y = Math.Min(from, py); y <= Math.Max(from, py); y++)
                {
                    canvas.Set(px, y, k);
                }

                previous = py;
            }
        }

        int zeroRow = PixelY(0) / 4;
        int zeroColumn = data.From < 0 && data.To > 0 ? (int)Math.Round(-data.From / (data.To - data.From) * (canvas.PixelWidth - 1)) / 2 : -1;
        // One label per row at most: ticks are ~3 rows apart, and a second tick rounding into a taken row is dropped.
        var tickRows = new Dictionary<int, string>();
        IReadOnlyList<double> yTicks = AxisTicks.For(data.YMin, data.YMax, Math.Max(2, rows / 3));
        IReadOnlyList<string> yLabels = AxisTicks.Labels(yTicks);
        for (int i = 0; i < yTicks.Count; i++)
        {
            tickRows.TryAdd(PixelY(yTicks[i]) / 4, yLabels[i]);
        }

        // NOTE: the gutter grows with the widest label instead of letting a long one push its row of the plot right.
        int gutter = Math.Max(MinimumGutter, yLabels.Max(l => l.Length) + 1);
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        for (int r = 0; r < rows; r++)
        {
            var line = new StringBuilder();
            line.Append(tickRows.TryGetValue(r, out string? tick) ? Markup.Escape(tick.PadLeft(gutter - 1)) + " ┤" : new string(' ', gutter) + "│");
            for (int c = 0; c < columns; c++)
            {
                line.Append(CellMarkup(canvas, data, c, r, zeroRow, zeroColumn));
            }

            console.MarkupLine(line.ToString());
        }

        WriteXAxis(console, data, columns, gutter);
        WriteLegend(console, data, columns, gutter);
    }

    /// <summary>One "━━ label" per curve in its colour, wrapped to the plot's width.</summary>
    private static void WriteLegend(IAnsiConsole console, PlotData data, int columns, int gutter)
    {
        var line = new StringBuilder();
        int used = 0;
        foreach ((Curve curve, _, _) in data.Series)
        {
            int length = curve.Label.Length + 6;
            if (used > 0 && used + length > columns)
            {
                console.MarkupLine(new string(' ', gutter) + line);
                line.Clear();
                used = 0;
            }

            line.Append($"[{curve.TerminalColor}]━━[/] {Markup.Escape(curve.Label)}   ");
            used += length;
        }

        console.MarkupLine(new string(' ', gutter) + line.ToString().TrimEnd());
    }

    private static string CellMarkup(BrailleCanvas canvas, PlotData data, int c, int r, int zeroRow, int zeroColumn)
    {
        if (canvas.Cell(c, r) is char dots)
        {
            return $"[{data.Series[canvas.Owner(c, r)].Curve.TerminalColor}]{dots}[/]";
        }

        return (r == zeroRow, c == zeroColumn) switch
        {
            (true, true) => "[grey]┼[/]",
            (true, false) => "[grey]─[/]",
            (false, true) => "[grey]│[/]",
            _ => " ",
        };
    }

    private static void WriteXAxis(IAnsiConsole console, PlotData data, int columns, int gutter)
    {
        char[] axis = ("└" + new string('─', columns)).ToCharArray();
        (string line, int[] columnsOfTicks) = XAxisLabels(data.From, data.To, columns);
        foreach (int c in columnsOfTicks)
        {
            axis[Math.Min(c, columns)] = '┬';
        }

        console.MarkupLine(new string(' ', gutter) + new string(axis));
        console.MarkupLine(Markup.Escape(new string(' ', gutter) + line.TrimEnd() + "   x"));
    }

    /// <summary>
    /// The x-axis label line (<paramref name="columns"/> + 12 characters wide: the last
    /// label may overhang the plot) and the column of each tick. As many ticks as fit with a space between
    /// neighbouring labels; if even the fewest do not, a label that would overlap its left neighbour is left out.
    /// </summary>
    internal static (string Line, int[] TickColumns) XAxisLabels(double from, double to, int columns)
    {
        int width = columns + 12;
        int Column(double t) => 1 + (int)Math.Round((t - from) / (to - from) * (columns - 1));
        int Start(double t, string label) => Math.Clamp(Column(t) - (label.Length / 2), 0, Math.Max(0, width - label.Length));

        bool Fits(IReadOnlyList<double> ticks, IReadOnlyList<string> labels) =>
            Enumerable.Range(1, Math.Max(0, ticks.Count - 1)).All(i =>
                Start(ticks[i], labels[i]) > Start(ticks[i - 1], labels[i - 1]) + labels[i - 1].Length);

        (IReadOnlyList<double> ticks, IReadOnlyList<string> labels) = AxisTicks.Fitting(from, to, Math.Max(2, columns / 10), Fits);
        char[] line = new string(' ', width).ToCharArray();
        int freeFrom = 0;
        for (int i = 0; i < ticks.Count; i++)
        {
            int start = Start(ticks[i], labels[i]);
            if (start < freeFrom || labels[i].Length > width)
            {
                continue;
            }

            labels[i].CopyTo(0, line, start, labels[i].Length);
            freeFrom = start + labels[i].Length + 1;
        }

        return (new string(line), [.. ticks.Select(Column)]);
    }
}
