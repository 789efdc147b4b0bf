using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TinyTorch.Catalog;
using Tito.Accuracy;
using Tito.Stability;

namespace Tito.Commands;

/// <summary><c>tito check stability|accuracy</c>: the numerics, checked on the user's machine.</summary>
internal static class CheckCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var command = new Command("check", "Check the activations' numerics: stability at extreme inputs, accuracy in ULPs.");
        command.Subcommands.Add(StabilityCommand(env));
        command.Subcommands.Add(AccuracyCommand(env));
        return command;
    }

    private static Command StabilityCommand(TitoEnvironment env)
    {
        var command = new Command("stability",
            "Run every activation over ±1000, ±∞, NaN, ±0, subnormals, the float32 extremes and exp's overflow thresholds; ❌ (exit 1) on any wrong limit.");
        command.SetAction(_ =>
        {
            // NOTE: six functions to a table: a column per function stays readable in an 80-column terminal, and the
            // catalog has more than twenty.
            int failures = ElementwiseCase.All(env.Activations).Chunk(6).Sum(cases => ElementwiseTable(env.Out, cases));
            failures += SliceAccuracyTargets().Sum(v => SliceTable(env.Out, env, v));
            failures += GatedCase.Table(env.Out);
            if (failures == 0)
            {
                env.Out.MarkupLine("[bold green]✅ Every activation is stable: right limits, NaN in → NaN out, outputs in range.[/]");
                return ExitCodes.Success;
            }

            env.Out.MarkupLine($"[bold red]❌ {failures} unstable result(s).[/] NaN or ∞ where a number belongs usually means an unguarded exponential.");
            return ExitCodes.CheckFailed;
        });
        return command;
    }

    private static int ElementwiseTable(IAnsiConsole console, IReadOnlyList<ElementwiseCase> cases)
    {
        float[] inputs = ElementwiseCase.Inputs;
        float[][] outputs = [.. cases.Select(c => c.Forward(inputs))];
        var table = new Table().Title("Element-wise activations at extreme inputs (✅ = expected limit or value)").AddColumn(new TableColumn("x").RightAligned());
        foreach (ElementwiseCase c in cases)
        {
            table.AddColumn(new TableColumn(c.Name).RightAligned());
        }

        int failures = 0;
        var notes = new List<string>();
        for (int i = 0; i < inputs.Length; i++)
        {
            var row = new List<string> { Markup.Escape(Format(inputs[i])) };
            for (int k = 0; k < cases.Count; k++)
            {
                float y = outputs[k][i];
                double want = cases[k].Expected(inputs[i]);
                bool inRange = float.IsNaN(y) || (y >= cases[k].Min && y <= cases[k].Max);
                bool ok = StabilityRule.Accepts(y, want) && inRange;
                row.Add($"{Markup.Escape(Format(y))} {(ok ? "✅" : "[red]❌[/]")}");
                if (!ok)
                {
                    failures++;
                    notes.Add($"{cases[k].Name}({Format(inputs[i])}) = {Format(y)}, expected {Format(want)}{(inRange ? "" : " (out of range)")}");
                }
            }

            table.AddRow(row.ToArray());
        }

        console.Write(table);
        foreach (string note in notes)
        {
            console.MarkupLine($"[red]❌ {Markup.Escape(note)}[/]");
        }

        return failures;
    }

    private static IReadOnlyList<ActivationVariant> SliceAccuracyTargets() => SliceScan.Targets;

    /// <summary>The stability table of one form along a dim: each <see cref="SliceCase"/> through the module, against its reference.</summary>
    private static int SliceTable(IAnsiConsole console, TitoEnvironment env, ActivationVariant variant)
    {
        AlongDimForm form = variant.AlongDim!;
        var table = new Table().Title($"{variant.Label} slices at extreme inputs (along dim {form.Dim})").AddColumn("Slice").AddColumn("Output").AddColumn("Expected").AddColumn("");
        int failures = 0;
        foreach (SliceCase c in SliceCase.All)
        {
            float[] y = env.Activations.Create(variant).Forward(new TinyTorch.Core.Tensor(c.Row, form.SliceShape(1, c.Row.Length))).ToArray();
            double[] want = c.Expected(form);
            bool ok = y.Length == want.Length && y.Select((v, i) => StabilityRule.Accepts(v, want[i])).All(b => b);
            ok &= y.All(v => float.IsNaN(v) || (v >= variant.Minimum && v <= variant.Maximum));
            bool finiteRow = want.All(double.IsFinite);
            ok &= !form.IsDistribution || !finiteRow || Math.Abs(y.Sum() - 1) <= 1e-6;
            failures += ok ? 0 : 1;
            table.AddRow(
                Markup.Escape($"{List(c.Row)}  {c.Why}"),
                Markup.Escape(List(y)),
                Markup.Escape(List(want.Select(v => (float)v))),
                ok ? "✅" : "[red]❌[/]");
        }

        console.Write(table);
        return failures;
    }

    private static Command AccuracyCommand(TitoEnvironment env)
    {
        var exhaustive = new Option<bool>("--exhaustive") { Description = "All 2^32 float32 inputs (minutes per function on a few cores)." };
        var stride = new Option<uint>("--stride") { Description = "Test every N-th bit pattern (default 4099: about a million inputs).", DefaultValueFactory = _ => 4099 };
        var function = new Option<string?>("--function") { Description = "Only the kernels whose name contains this text (e.g. \"exact\", \"GELU\")." };
        var backward = new Option<bool>("--backward") { Description = "The element-wise backward kernels at g = 1 instead: each slope against the exact derivative, in 2^-24 of max(|slope|, 1) (bound 4)." };
        var command = new Command("accuracy",
            "Max error in ULPs of every element-wise forward kernel against the double-precision reference; exit 1 past the bound.")
        {
            exhaustive, stride, function, backward,
        };
        command.SetAction(parse =>
        {
            // NOTE: --exhaustive means stride 1; an explicit --stride beside it asks for something else, and
            // silently preferring one would run for minutes, or for a second, when the user expected the other.
            if (parse.GetValue(exhaustive) && parse.GetResult(stride) is { Implicit: false })
            {
                throw new UserErrorException(
                    $"--exhaustive scans every float32 input and --stride {parse.GetValue(stride)} scans one bit pattern in {parse.GetValue(stride)}: give one or the other.");
            }

            uint s = parse.GetValue(exhaustive) ? 1 : parse.GetValue(stride);
            if (s == 0)
            {
                throw new UserErrorException("--stride must be at least 1.");
            }

            string? only = parse.GetValue(function);
            bool Chosen(string name) => only is null || name.Contains(only, StringComparison.OrdinalIgnoreCase);
            if (parse.GetValue(backward))
            {
                IReadOnlyList<ActivationVariant> chosen = [.. BackwardScan.Variants.Where(v => Chosen(v.Label))];
                if (chosen.Count == 0)
                {
                    throw new UserErrorException(
                        $"No backward kernel's name contains '{only}'; expected part of one of: {string.Join(", ", BackwardScan.Variants.Select(v => v.Label))}.");
                }

                return BackwardAccuracy(env, chosen, s) ? ExitCodes.Success : ExitCodes.CheckFailed;
            }

            IReadOnlyList<AccuracyTarget> targets = [.. AccuracyTarget.All.Where(t => Chosen(t.Name))];
            IReadOnlyList<ActivationVariant> slices = [.. SliceAccuracyTargets().Where(v => Chosen(v.Label))];
            bool gatedChosen = TinyTorch.Catalog.ActivationCatalog.Variants.Any(v => v.IsGated && Chosen(v.Label));
            if (targets.Count == 0 && slices.Count == 0 && !gatedChosen)
            {
                throw new UserErrorException(
                    $"No kernel's name contains '{only}'; expected part of one of: {string.Join(", ", AccuracyTarget.All.Select(t => t.Name).Concat(SliceAccuracyTargets().Select(v => v.Label)).Concat(TinyTorch.Catalog.ActivationCatalog.Variants.Where(v => v.IsGated).Select(v => v.Label)))}.");
            }

            bool elementwiseOk = targets.Count == 0 || ElementwiseAccuracy(env, targets, s);
            bool slicesOk = slices.Count == 0 || SliceAccuracyTable(env, slices);
            bool gatedOk = GatedAccuracy.Report(env.Out, only, out _);
            return elementwiseOk && slicesOk && gatedOk ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }

    /// <summary>The element-wise kernels over float32 bit patterns; whether every one is within its bound.</summary>
    private static bool ElementwiseAccuracy(TitoEnvironment env, IReadOnlyList<AccuracyTarget> targets, uint s)
    {
        IReadOnlyList<AccuracyResult> results = Scan(env.Out, targets, s);
        var table = new Table()
            .Title($"Forward kernels vs the double reference: {results[0].Inputs:N0} inputs, stride {s}")
            .AddColumn("Function").AddColumn(new TableColumn("max ULP").RightAligned()).AddColumn(new TableColumn("bound").RightAligned())
            .AddColumn("worst input → output").AddColumn("");
        foreach (AccuracyResult r in results)
        {
            table.AddRow(
                Markup.Escape(r.Target.Name),
                r.MaxUlps.ToString("0.###", CultureInfo.InvariantCulture),
                r.Target.BoundUlps.ToString(CultureInfo.InvariantCulture),
                r.MaxUlps == 0 ? "exact everywhere" : Markup.Escape($"{Format(r.WorstInput)} → {Format(r.WorstOutput)}"),
                r.WithinBound ? "✅" : "[red]❌[/]");
        }

        env.Out.Write(table);
        env.Out.MarkupLine("ULPs are measured at the true value; where the truth is below 2^-126, in subnormal spacing (2^-149).");
        return results.All(r => r.WithinBound);
    }

    /// <summary>The element-wise backward kernels at g = 1 over float32 bit patterns; whether every one is within 4·2^-24.</summary>
    private static bool BackwardAccuracy(TitoEnvironment env, IReadOnlyList<ActivationVariant> variants, uint s)
    {
        const double Bound = 4;
        string which = s == 1 ? "all 2^32 float32 bit patterns" : $"every {s}th float32 bit pattern";
        env.Out.MarkupLine($"⏱️  Scanning {variants.Count} backward kernels over {which}…");
        var results = BackwardScan.Run(variants, s, _ => { });
        var table = new Table()
            .Title($"Backward kernels at g = 1 vs the exact derivative: {results[0].Inputs:N0} inputs, stride {s}")
            .AddColumn("Function").AddColumn(new TableColumn("max, 2^-24 of max(|D|, 1)").RightAligned()).AddColumn(new TableColumn("bound").RightAligned())
            .AddColumn("worst input").AddColumn("");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.Variant.Label),
                r.Worst.ToString("0.###", CultureInfo.InvariantCulture),
                Bound.ToString(CultureInfo.InvariantCulture),
                r.Worst == 0 ? "exact everywhere" : Markup.Escape(r.WorstInput.ToString("R", CultureInfo.InvariantCulture)),
                r.Worst <= Bound ? "✅" : "[red]❌[/]");
        }

        env.Out.Write(table);
        env.Out.MarkupLine("±∞ and NaN inputs are skipped (their slopes are PyTorch's conventions, tested one by one). Where a kernel ends in one product with g, a worst W here bounds every g by W + 1.");
        return results.All(r => r.Worst <= Bound);
    }

    /// <summary>The forms along a dim over random slices (<see cref="SliceScan"/>); whether every one is within its bound.</summary>
    private static bool SliceAccuracyTable(TitoEnvironment env, IReadOnlyList<ActivationVariant> variants)
    {
        env.Out.MarkupLine($"⏱️  Scanning {variants.Count} kernels along a dim over random slices…");
        SliceAccuracy[] results = [.. variants.Select(SliceScan.Run)];
        var table = new Table()
            .Title($"Kernels along a dim vs the double reference: {results[0].Values:N0} outputs each, slices of 1 to 65 536 over ±1, ±10, ±100")
            .AddColumn("Function").AddColumn(new TableColumn("max ULP").RightAligned()).AddColumn(new TableColumn("bound").RightAligned())
            .AddColumn("worst slice: output vs truth").AddColumn("");
        foreach (SliceAccuracy r in results)
        {
            table.AddRow(
                Markup.Escape(r.Variant.Label),
                r.MaxUlps.ToString("0.###", CultureInfo.InvariantCulture),
                r.Variant.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(r.Worst),
                r.WithinBound ? "✅" : "[red]❌[/]");
        }

        env.Out.Write(table);
        return results.All(r => r.WithinBound);
    }

    private static IReadOnlyList<AccuracyResult> Scan(IAnsiConsole console, IReadOnlyList<AccuracyTarget> targets, uint stride)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            string which = stride == 1 ? "all 2^32 float32 bit patterns" : $"every {stride}th float32 bit pattern";
            console.MarkupLine($"⏱️  Scanning {targets.Count} kernels over {which}…");
            return AccuracyScan.Run(targets, stride, _ => { });
        }

        IReadOnlyList<AccuracyResult> results = [];
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("Scanning float32 inputs", maxValue: 1.0);
                results = AccuracyScan.Run(targets, stride, fraction => task.Increment(fraction));
            });
        return results;
    }

    private static string List(IEnumerable<float> values) => "[" + string.Join(", ", values.Select(Format)) + "]";

    private static string Format(float v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
