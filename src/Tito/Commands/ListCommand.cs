using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TinyTorch.Catalog;

namespace Tito.Commands;

/// <summary><c>tito list</c>: every activation the library has, from its catalog.</summary>
internal static class ListCommand
{
    public static Command Create(TitoEnvironment env)
    {
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as Markdown (the guide's family table is this output)." };
        var command = new Command("list", "List every activation: its constructor, formula, forms, proven accuracy and what its cost is made of.") { markdown };
        command.SetAction(parse =>
        {
            if (parse.GetValue(markdown))
            {
                env.Output.Write(Markdown());
                return ExitCodes.Success;
            }

            var table = new Table().Title($"{ActivationCatalog.All.Count} activations (the course's {ActivationCatalog.Course.Count}, the family, those along a dim, then the gated units)")
                .AddColumn("Activation").AddColumn("Formula").AddColumn("Forms (plot/bench names)").AddColumn(new TableColumn("Bound").RightAligned()).AddColumn("Cost");
            foreach (ActivationDescriptor a in ActivationCatalog.All)
            {
                table.AddRow(
                    Markup.Escape(a.Signature),
                    Markup.Escape(a.Formula),
                    Markup.Escape(string.Join(", ", a.Variants.Select(v => v.Key))),
                    Markup.Escape(Bound(a)),
                    Markup.Escape(Cost(a.Cost)));
            }

            env.Out.Write(table);
            env.Out.MarkupLine("Bound: the proven forward error in ULPs for every float32 input (along a dim: for every slice of up to 65 536 entries). Cost: what each element costs; `tito bench` measures it.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The catalog as the guide's Markdown table: formula, derivative, where it is used, cost, the trap.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| activation | forward | derivative | used in | bound (ULP) | cost | the trap it avoids |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (ActivationDescriptor a in ActivationCatalog.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| `{a.Signature}` | {Cell(a.Formula)} | {Cell(a.Derivative)} | {Cell(a.UsedIn)} | {Bound(a)} | {Cost(a.Cost)} | {Cell(a.Trap)} |");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Bound(ActivationDescriptor a) =>
        a.IsElementwise || a.Variants.All(v => v.AlongDim is not null || v.IsGated)
            ? string.Join(" / ", a.Variants.Select(v => v.ForwardBoundUlps == 0 ? "exact" : v.ForwardBoundUlps.ToString(CultureInfo.InvariantCulture)).Distinct())
            : "—";

    private static string Cost(ActivationCost cost) => cost switch
    {
        ActivationCost.PiecewiseLinear => "copy speed (compare, select)",
        ActivationCost.Exponential => "one exponential",
        ActivationCost.Transcendental => "exp with log, erf or a second exp",
        _ => "a max, a sum of exps and a scale per slice",
    };
}
