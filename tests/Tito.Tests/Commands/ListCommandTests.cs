using TinyTorch.Catalog;
using Tito.Commands;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class ListCommandTests
{
    [Fact]
    public void List_ShowsEveryActivationOfTheCatalog_WithItsForms()
    {
        TitoRun run = TitoRun.Of("list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{ActivationCatalog.All.Count} activations", run.Out);
        foreach (ActivationVariant v in ActivationCatalog.Variants)
        {
            Assert.Contains(v.Key, run.Out);
        }
    }

    [Fact]
    public void Markdown_HasARowPerActivation()
    {
        TitoRun run = TitoRun.Of("list --markdown");
        Assert.Equal(0, run.ExitCode);
        string[] rows = [.. run.Out.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))];
        Assert.Equal(ActivationCatalog.All.Count, rows.Length);
        Assert.All(ActivationCatalog.All, a => Assert.Single(rows, r => r.StartsWith($"| `{a.Signature}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheGuidesFamilyTable_IsTheCatalogsMarkdown()
    {
        string guide = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "guide.md")).ReplaceLineEndings("\n");
        const string Begin = "<!-- catalog:begin -->\n", End = "<!-- catalog:end -->";
        int start = guide.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        string table = guide[start..guide.IndexOf(End, start, StringComparison.Ordinal)];
        Assert.True(table == ListCommand.Markdown().ReplaceLineEndings("\n"),
            "docs/guide.md's family table is out of date: replace it with the output of './tito list --markdown'.");
    }
}
