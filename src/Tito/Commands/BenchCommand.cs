using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tito.Bench;

namespace Tito.Commands;

/// <summary><c>tito bench</c>: TinyTorch's relative-cost table, measured on this machine beside the bandwidth limit.</summary>
internal static class BenchCommand
{
    /// <summary>
    /// The smallest --size timed. A few hundred floats are copied in tens of nanoseconds, about what reading the
    /// clock costs (and below a coarse clock's tick), so the ratios would be noise, or a division by zero.
    /// </summary>
    public const int MinimumSize = 1024;

    public static Command Create(TitoEnvironment env)
    {
        var quick = new Option<bool>("--quick") { Description = "A smaller, shorter run that finishes in a few seconds." };
        var size = new Option<int?>("--size") { Description = "Elements per call (default 8,388,608; 1,048,576 with --quick)." };
        var threads = new Option<int>("--threads") { Description = "Threads the kernels may use (KernelOptions.MaxDegreeOfParallelism).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batch = new Option<int>("--batch") { Description = "Batch size for the activation-memory arithmetic.", DefaultValueFactory = _ => 32 };
        var features = new Option<int>("--features") { Description = "Layer width: the memory arithmetic and the softmax row length.", DefaultValueFactory = _ => 4096 };
        var repeats = new Option<int?>("--repeats") { Description = "Timed runs per function; the median is reported (default 15; 5 with --quick)." };

        var command = new Command("bench", "Measure every activation's cost on this machine: ns/element, GB/s, % of memory-copy bandwidth, relative to ReLU.")
        {
            quick, size, threads, batch, features, repeats,
        };
        command.SetAction(parse =>
        {
            bool q = parse.GetValue(quick);
            int n = parse.GetValue(size) ?? (q ? 1 << 20 : 1 << 23);
            int t = parse.GetValue(threads), b = parse.GetValue(batch), f = parse.GetValue(features);
            int r = parse.GetValue(repeats) ?? (q ? 5 : 15);
            Require(n >= MinimumSize,
                $"--size must be at least {MinimumSize:N0} (got {n:N0}): fewer elements finish in about the time it takes to read the clock, so the table would time the call, not the function.");
            Require(t >= 1, $"--threads must be at least 1 (got {t}).");
            Require(b >= 1 && f >= 1, $"--batch and --features must be at least 1 (got {b} and {f}).");
            Require(r >= 1, $"--repeats must be at least 1 (got {r}).");

            var settings = new BenchSettings(n, t, 3, r, Math.Min(f, n));
            IReadOnlyList<BenchResult> results = Measure(env.Out, settings, env.BenchMemory);
            Report(env.Out, results, settings);
            MemoryArithmetic(env.Out, b, f, results[0]);
            WarnIfBusy(env.Out);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new UserErrorException(message);
        }
    }

    private static IReadOnlyList<BenchResult> Measure(IAnsiConsole console, BenchSettings s, BenchMemory memory)
    {
        int steps = KernelBenchmark.Functions.Count + 1;
        if (!console.Profile.Capabilities.Interactive)
        {
            // NOTE: a redirected console cannot redraw a bar in place; one line per finished step is the
            // progress a log file or a pipe can show.
            int done = 0;
            console.MarkupLine($"⏱️  Measuring {steps} kernels…");
            return KernelBenchmark.Run(s, memory, name => console.MarkupLine($"   [[{++done}/{steps}]] {Markup.Escape(name)}"));
        }

        IReadOnlyList<BenchResult> results = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("Measuring", maxValue: steps);
                results = KernelBenchmark.Run(s, memory, name =>
                {
                    task.Description = $"Measured {Markup.Escape(name)}";
                    task.Increment(1);
                });
            });
        return results;
    }

    private static void Report(IAnsiConsole console, IReadOnlyList<BenchResult> results, BenchSettings s)
    {
        BenchResult copy = results[0];
        BenchResult relu = results.First(r => r.Name == "ReLU");
        var table = new Table()
            .Title($"Activation cost on this machine: {s.Size:N0} float32 elements, {s.Threads} thread(s), median of {s.Repeats}")
            .AddColumn("Function").AddColumn(new TableColumn("ns/element").RightAligned())
            .AddColumn(new TableColumn("GB/s (read+write)").RightAligned()).AddColumn(new TableColumn("% of copy").RightAligned())
            .AddColumn(new TableColumn("Measured (ReLU = 1×)").RightAligned()).AddColumn("TinyTorch quotes");
        foreach (BenchResult r in results)
        {
            table.AddRow(
                Markup.Escape(r.Name),
                F(r.NanosecondsPerElement, "0.000"),
                F(r.GigabytesPerSecond, "0.0"),
                Unit(F(100 * r.SpeedRelativeTo(copy), "0"), "%"),
                r == copy ? "" : Unit(F(relu.SpeedRelativeTo(r), "0.0"), "×"),
                Markup.Escape(r.Quoted));
        }

        console.Write(table);
        // A function that moves its bytes at ≥ 70% of the copy's rate is limited by memory, not arithmetic: making
        // its math cheaper would not make it faster. The threshold is a judgement, printed so it can be argued with.
        string[] memoryBound = [.. results.Skip(1).Where(r => r.SpeedRelativeTo(copy) >= 0.7).Select(r => r.Name)];
        string[] computeBound = [.. results.Skip(1).Where(r => r.SpeedRelativeTo(copy) < 0.7).Select(r => r.Name)];
        if (memoryBound.Length > 0)
        {
            console.MarkupLine($"[bold]Memory-bound[/] (≥ 70% of copy bandwidth): {Markup.Escape(string.Join(", ", memoryBound))}: the arithmetic hides behind the loads and stores.");
        }

        if (computeBound.Length > 0)
        {
            console.MarkupLine($"[bold]Compute-bound[/] (< 70% of copy bandwidth): {Markup.Escape(string.Join(", ", computeBound))}: their cost is the math, not the memory traffic.");
        }
    }

    private static void MemoryArithmetic(IAnsiConsole console, int batch, int features, BenchResult copy)
    {
        // NOTE: decimal, not long: the largest --batch × --features × 4 is 2^64, which wrapped a long to a negative size.
        decimal bytes = (decimal)batch * features * sizeof(float);
        double microseconds = (double)bytes / (copy.GigabytesPerSecond * 1e9 / 2) * 1e6;
        console.MarkupLine($"[bold]Activation memory:[/] batch {batch:N0} × {features:N0} features × 4 bytes = {bytes:N0} bytes = " +
            $"[bold]{FormatBytes(bytes)}[/] per layer, kept for backprop.");
        console.MarkupLine(double.IsFinite(microseconds)
            ? $"At this machine's copy bandwidth, writing it once takes ≈ {F(microseconds, "0.0")} µs."
            : "The copy was too fast to time at this --size, so the time to write it is not estimated; try a larger --size.");
    }

    /// <summary>Timings on a machine already running more work than it has cores mean little; say so (Linux only).</summary>
    private static void WarnIfBusy(IAnsiConsole console)
    {
        const string LoadFile = "/proc/loadavg";
        if (!File.Exists(LoadFile)
            || !double.TryParse(File.ReadAllText(LoadFile).Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double load)
            || load <= Environment.ProcessorCount)
        {
            return;
        }

        console.MarkupLine($"[yellow]⚠ The machine was busy (load average {F(load, "0.0")} on {Environment.ProcessorCount} cores): these timings are noisy; run again when it is idle.[/]");
    }

    private static string FormatBytes(decimal bytes) => bytes switch
    {
        >= 1L << 30 => F((double)bytes / (1L << 30), "0.##") + " GB",
        >= 1L << 20 => F((double)bytes / (1L << 20), "0.##") + " MB",
        >= 1L << 10 => F((double)bytes / (1L << 10), "0.##") + " KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>A figure with its unit, or "—" alone when there is no figure.</summary>
    private static string Unit(string figure, string unit) => figure == "—" ? figure : figure + unit;

    /// <summary>
    /// A measured number for the table, or "—" when it is not a number: a run too fast for the clock measures
    /// 0 s, and rates and ratios over 0 s are ∞ or NaN, which are not measurements.
    /// </summary>
    internal static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "—";
}
