using System.Text.RegularExpressions;

namespace TinyTorch.Tests.Docs;

/// <summary>
/// One fenced C# block of a Markdown file (```csharp, ```cs or ```c#), with where it starts and, if the line just
/// above its fence is <c>&lt;!-- not compiled: reason --&gt;</c>, why it is left out of the docs tests.
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root, with '/' separators.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Code">The block's text, fences excluded.</param>
/// <param name="OptOut">The reason given for not compiling it; null for a block that must compile.</param>
public sealed partial record MarkdownCodeBlock(string File, int Line, string Code, string? OptOut)
{
    /// <summary>The Markdown files whose C# blocks must compile: the READMEs a reader meets first, and the guides.</summary>
    public static IEnumerable<string> DocumentedFiles(string root) =>
        new[] { "README.md", "src/TinyTorch/PACKAGE.md", "src/Tito/PACKAGE.md" }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));

    /// <summary>Every C# block of <paramref name="file"/> (relative to <paramref name="root"/>).</summary>
    public static IEnumerable<MarkdownCodeBlock> Read(string root, string file)
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(root, file));
        for (int i = 0; i < lines.Length; i++)
        {
            if (!CSharpFence().IsMatch(lines[i]))
            {
                continue;
            }

            int start = i;
            int end = Array.FindIndex(lines, start + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
            if (end < 0)
            {
                throw new InvalidDataException($"{file}:{start + 1}: a ```csharp block is never closed.");
            }

            string? optOut = start > 0 && OptOutMarker().Match(lines[start - 1]) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
            yield return new MarkdownCodeBlock(file, start + 1, string.Join('\n', lines[(start + 1)..end]), optOut);
            i = end;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^\s*```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CSharpFence();

    [GeneratedRegex(@"^\s*<!--\s*not compiled:(.*)-->\s*$")]
    private static partial Regex OptOutMarker();
}
