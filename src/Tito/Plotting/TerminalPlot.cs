using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Tito.Plotting;

/// <summary>Draws sampled curves in the terminal with braille dots, labelled axes and a coloured legend.</summary>
internal static class TerminalPlot
{
    private const int Gutter = 8;

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
        var tickRows = new Dictionary<int, double>();
        foreach (double t in AxisTicks.For(data.YMin, data.YMax, Math.Max(2, rows / 3)))
        {
            tickRows.TryAdd(PixelY(t) / 4, t);
        }

        console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        for (int r = 0; r < rows; r++)
        {
            var line = new StringBuilder();
            line.Append(tickRows.TryGetValue(r, out double tick) ? Markup.Escape(Format(tick).PadLeft(Gutter - 1)) + " ┤" : new string(' ', Gutter) + "│");
            for (int c = 0; c < columns; c++)
            {
                line.Append(CellMarkup(canvas, data, c, r, zeroRow, zeroColumn));
            }

            console.MarkupLine(line.ToString());
        }

        WriteXAxis(console, data, columns);
        WriteLegend(console, data, columns);
    }

    /// <summary>One "━━ label" per curve in its colour, wrapped to the plot's width.</summary>
    private static void WriteLegend(IAnsiConsole console, PlotData data, int columns)
    {
        var line = new StringBuilder();
        int used = 0;
        foreach ((Curve curve, _, _) in data.Series)
        {
            int length = curve.Label.Length + 6;
            if (used > 0 && used + length > columns)
            {
                console.MarkupLine(new string(' ', Gutter) + line);
                line.Clear();
                used = 0;
            }

            line.Append($"[{curve.TerminalColor}]━━[/] {Markup.Escape(curve.Label)}   ");
            used += length;
        }

        console.MarkupLine(new string(' ', Gutter) + line.ToString().TrimEnd());
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

    private static void WriteXAxis(IAnsiConsole console, PlotData data, int columns)
    {
        char[] axis = ("└" + new string('─', columns)).ToCharArray();
        char[] labels = new string(' ', columns + 12).ToCharArray();
        foreach (double t in AxisTicks.For(data.From, data.To, Math.Max(2, columns / 10)))
        {
            int c = 1 + (int)Math.Round((t - data.From) / (data.To - data.From) * (columns - 1));
            axis[Math.Min(c, columns)] = '┬';
            string text = Format(t);
            int start = Math.Clamp(c - (text.Length / 2), 0, labels.Length - text.Length);
            text.CopyTo(0, labels, start, text.Length);
        }

        console.MarkupLine(new string(' ', Gutter) + new string(axis));
        console.MarkupLine(Markup.Escape(new string(' ', Gutter) + new string(labels).TrimEnd() + "   x"));
    }

    private static string Format(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
