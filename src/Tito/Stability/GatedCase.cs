using System.Globalization;
using Spectre.Console;
using TinyTorch.Catalog;
using TinyTorch.Core;

namespace Tito.Stability;

/// <summary>
/// The gated units under the stability check: pairs (a, b) of the two halves with ±1000, ±∞ and NaN in either, each
/// unit run along the pairs' dim and held to its reference a·f(b) (whose limits are stated in the readable layer:
/// ±∞ where a is infinite and f(b) ≠ 0, NaN for ∞·0).
/// </summary>
internal static class GatedCase
{
    /// <summary>The (a, b) pairs: ±1000 against ±1000, infinities and NaN in each half, and the underflow of σ(b).</summary>
    public static readonly (float A, float B)[] Pairs =
    [
        (1000, 1000), (-1000, 1000), (1000, -1000), (-1000, -1000), (1, float.PositiveInfinity), (1, float.NegativeInfinity),
        (float.PositiveInfinity, 1), (float.NegativeInfinity, -1), (float.PositiveInfinity, float.NegativeInfinity), (float.NaN, 1),
        (1, float.NaN), (3e38f, -150), (float.MaxValue, 2), (1, 0), (-0f, 1), (1e-40f, 5),
    ];

    /// <summary>Prints one table, a column per gated form; returns the number of wrong results.</summary>
    public static int Table(IAnsiConsole console)
    {
        ActivationVariant[] gates = [.. ActivationCatalog.Variants.Where(v => v.IsGated)];
        var table = new Table().Title("Gated units at extreme halves (✅ = the reference a·f(b), or its limit)").AddColumn(new TableColumn("(a, b)").RightAligned());
        float[] a = [.. Pairs.Select(p => p.A)];
        float[] b = [.. Pairs.Select(p => p.B)];
        var outputs = new List<float[]>();
        foreach (ActivationVariant v in gates)
        {
            table.AddColumn(new TableColumn(v.Label).RightAligned());
            outputs.Add(v.Gate!.CreateAlong(0).Forward(new Tensor([.. a, .. b], [2, a.Length])).ToArray());
        }

        int failures = 0;
        var notes = new List<string>();
        for (int i = 0; i < Pairs.Length; i++)
        {
            var row = new List<string> { Markup.Escape($"({Format(a[i])}, {Format(b[i])})") };
            for (int k = 0; k < gates.Length; k++)
            {
                float y = outputs[k][i];
                double want = gates[k].Gate!.Reference(a[i], b[i]);
                bool ok = StabilityRule.Accepts(y, want);
                row.Add($"{Markup.Escape(Format(y))} {(ok ? "✅" : "[red]❌[/]")}");
                if (!ok)
                {
                    failures++;
                    notes.Add($"{gates[k].Label}({Format(a[i])}, {Format(b[i])}) = {Format(y)}, expected {Format(want)}");
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

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
