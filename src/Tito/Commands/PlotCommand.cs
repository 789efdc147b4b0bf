using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tito.Plotting;

namespace Tito.Commands;

/// <summary><c>tito plot</c>: the activation curves (or their derivatives) in the terminal and as SVG.</summary>
internal static class PlotCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var functions = new Argument<string[]>("functions")
        {
            Description = $"Which curves: {string.Join(", ", CurveCatalog.Names)}; or a group: course (the default: the module's five), family, all. " +
                "Softmax and the other forms along a dim are drawn as f([x, 0])₀. More than a few curves are drawn in several panels.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        functions.AcceptOnlyFromAmong([.. CurveCatalog.Names, .. CurveCatalog.Groups]);
        var derivative = new Option<bool>("--derivative", "-d") { Description = "Plot the derivative, computed by the library's Backward." };
        var from = new Option<double>("--from") { Description = "Left end of the x range.", DefaultValueFactory = _ => -5 };
        var to = new Option<double>("--to") { Description = "Right end of the x range.", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--out", "-o") { Description = "Also write the plot as an SVG file." };
        var width = new Option<int>("--width") { Description = "Plot width in terminal columns.", DefaultValueFactory = _ => 72 };
        var height = new Option<int>("--height") { Description = "Plot height in terminal rows.", DefaultValueFactory = _ => 20 };

        var command = new Command("plot", "Plot the activations (or their derivatives) in the terminal, and as SVG with --out.")
        {
            functions, derivative, from, to, output, width, height,
        };
        command.SetAction(parse =>
        {
            double lo = parse.GetValue(from), hi = parse.GetValue(to);
            int columns = parse.GetValue(width), rows = parse.GetValue(height);
            CheckRange(lo, hi);

            if (columns is < 10 or > 1000 || rows is < 4 or > 500)
            {
                throw new UserErrorException("--width must be in [10, 1000] and --height in [4, 500].");
            }

            string[] names = parse.GetValue(functions) is { Length: > 0 } given ? given : ["course"];
            bool d = parse.GetValue(derivative);
            IReadOnlyList<IReadOnlyList<Curve>> panels = CurveCatalog.Panels(CurveCatalog.Select(names, d, env.Activations));
            string title = d ? "Derivatives f′(x) (Backward with gradient 1)" : "Activations f(x)";
            string Titled(int i) => panels.Count == 1 ? title : $"{title}, {i + 1} of {panels.Count}";

            for (int i = 0; i < panels.Count; i++)
            {
                TerminalPlot.Render(env.Out, PlotData.Sample(panels[i], lo, hi, columns * 2), columns, rows, Titled(i));
            }

            if (parse.GetValue(output) is string file)
            {
                string path = Path.GetFullPath(file, env.WorkingDirectory);
                try
                {
                    File.WriteAllText(path, SvgPlot.Render([.. panels.Select((p, i) => (PlotData.Sample(p, lo, hi, 801), Titled(i)))], d ? "f′(x)" : "f(x)"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new UserErrorException($"cannot write {path}: {e.Message}");
                }

                env.Out.MarkupLine($"🖼️  SVG written to {Markup.Escape(path)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Refuses an x range that cannot be drawn: not finite, empty or reversed, or beyond what float32 (in which
    /// the activations compute) can hold or tell apart; each with the values given and what would work.
    /// </summary>
    private static void CheckRange(double lo, double hi)
    {
        string got = $"(got --from {G(lo)} --to {G(hi)})";
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw new UserErrorException($"--from and --to must be finite numbers, not NaN or infinity {got}; for example --from -5 --to 5.");
        }

        if (lo >= hi)
        {
            throw new UserErrorException($"--from must be less than --to {got}: the x range would be {(lo == hi ? "empty" : "reversed")}.");
        }

        if (Math.Max(Math.Abs(lo), Math.Abs(hi)) > float.MaxValue)
        {
            throw new UserErrorException(
                $"--from and --to must lie within ±3.4e38, the float32 range the activations compute in {got}.");
        }

        if ((float)lo == (float)hi)
        {
            // NOTE: the curves are sampled at float32 x values; a range narrower than one float32 step would
            // plot every sample at the same x and label ticks the curve does not have.
            float near = (float)lo;
            throw new UserErrorException(
                $"the x range is narrower than float32 can tell apart near {near.ToString(CultureInfo.InvariantCulture)} (neighbouring values are {(MathF.BitIncrement(Math.Abs(near)) - Math.Abs(near)).ToString("G3", CultureInfo.InvariantCulture)} apart) {got}; widen it.");
        }
    }

    /// <summary>A value as the user could have typed it: the shortest text that reads back as the same double.</summary>
    private static string G(double v) => v.ToString(CultureInfo.InvariantCulture);
}
