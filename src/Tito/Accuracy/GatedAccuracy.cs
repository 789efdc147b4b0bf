using System.Globalization;
using Spectre.Console;
using TinyTorch.Catalog;

namespace Tito.Accuracy;

/// <summary>
/// The gated units' accuracy scan: their forward row kernels over (a, b) pairs, a's exponent spread over float's whole
/// range and b over [−210, 100], against the pair reference in double. Two inputs per output, so no exhaustive scan:
/// a fixed number of pairs, the same on every run (a seeded generator).
/// </summary>
internal static class GatedAccuracy
{
    /// <summary>Pairs per form: the bulk of a default run's time is the element-wise scan, not this.</summary>
    public const int PairCount = 1 << 20;

    /// <summary>Scans each gated form whose label contains <paramref name="only"/> (all when null); prints a table.</summary>
    /// <returns>Whether every form is within its bound; true when none matched (the caller reports that).</returns>
    public static bool Report(IAnsiConsole console, string? only, out int scanned)
    {
        ActivationVariant[] gates = [.. ActivationCatalog.Variants.Where(v => v.IsGated && (only is null || v.Label.Contains(only, StringComparison.OrdinalIgnoreCase)))];
        scanned = gates.Length;
        if (gates.Length == 0)
        {
            return true;
        }

        (float[] a, float[] b, float[] x) = Pairs();
        var table = new Table()
            .Title($"Gated units vs the double reference a·f(b): {PairCount:N0} (a, b) pairs")
            .AddColumn("Function").AddColumn(new TableColumn("max ULP").RightAligned()).AddColumn(new TableColumn("bound").RightAligned())
            .AddColumn("worst (a, b) → output").AddColumn("");
        bool all = true;
        var y = new float[PairCount];
        foreach (ActivationVariant v in gates)
        {
            v.Gate!.Forward(x, y, 2);
            // The worst error against the bound where the truth is normal, and (for a form with its own subnormal bound)
            // where it is subnormal: the row shows the one nearer its bound.
            (double worst, int at, double share) = (0, 0, 0);
            for (int i = 0; i < PairCount; i++)
            {
                if (v.Gate.BoundHolds?.Invoke(a[i], b[i]) == false)
                {
                    continue;
                }

                double truth = v.Gate.Reference(a[i], b[i]);
                double ulps = UlpMeter.Error(y[i], truth);
                double bound = v.ForwardBoundAt(truth);
                double used = bound > 0 ? ulps / bound : ulps > 0 ? double.PositiveInfinity : 0;
                if (!(used <= share))
                {
                    (worst, at, share) = (ulps, i, used);
                }
            }

            bool ok = share <= 1;
            all &= ok;
            table.AddRow(
                Markup.Escape(v.Label),
                worst.ToString("0.###", CultureInfo.InvariantCulture),
                Bound(v),
                Markup.Escape($"({Format(a[at])}, {Format(b[at])}) → {Format(y[at])}"),
                ok ? "✅" : "[red]❌[/]");
        }

        console.Write(table);
        console.MarkupLine("Gated units: where the truth is below 2^-126, ULPs in subnormal spacing (2^-149), against the second bound where there is one; the exact-erf GeGLU is scanned where its bound holds, GELU(b) normal.");
        return all;
    }

    /// <summary>The pairs, and the rows [a, b] the row kernel reads (row length 2: one output per pair).</summary>
    private static (float[] A, float[] B, float[] X) Pairs()
    {
        var random = new Random(20261206);
        var a = new float[PairCount];
        var b = new float[PairCount];
        var x = new float[2 * PairCount];
        for (int i = 0; i < PairCount; i++)
        {
            double magnitude = Math.ScaleB(1.0 + random.NextDouble(), random.Next(-149, 128));
            a[i] = (float)(random.Next(2) == 0 ? magnitude : -magnitude);
            b[i] = (float)(i % 3 == 0 ? (random.NextDouble() * 310) - 210 : (random.NextDouble() * 24) - 12);
            x[2 * i] = a[i];
            x[(2 * i) + 1] = b[i];
        }

        return (a, b, x);
    }

    /// <summary>The bound as the table shows it: "0.57 / 0.79 subnormal" for a form with its own subnormal bound.</summary>
    private static string Bound(ActivationVariant v) => v.SubnormalBoundUlps is double tail
        ? string.Create(CultureInfo.InvariantCulture, $"{v.ForwardBoundUlps} / {tail} subnormal")
        : v.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture);

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
