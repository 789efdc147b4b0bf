using System.Text;
using System.Text.RegularExpressions;

namespace Tito.Modules;

/// <summary>
/// Makes a learner's copy of a readable-layer file: every region between <c>// BEGIN SOLUTION</c> and
/// <c>// END SOLUTION</c> becomes a <c>throw new NotImplementedException("TODO: …")</c> stub. The comments inside
/// the region (the traps: why branch on the sign, why erfc) stay behind as HINT lines; the code goes.
/// </summary>
internal static partial class SolutionStripper
{
    private const string Begin = "// BEGIN SOLUTION";
    private const string End = "// END SOLUTION";

    /// <summary>The learner's version of <paramref name="source"/> and how many regions were stubbed.</summary>
    public static (string Text, int Regions) Strip(string source)
    {
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var output = new StringBuilder();
        string member = "this function";
        string type = "";
        int regions = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            Match declaration = TypeDeclaration().Match(line);
            if (declaration.Success)
            {
                type = declaration.Groups["name"].Value + ".";
            }

            Match signature = MemberSignature().Match(line);
            if (signature.Success)
            {
                member = type + signature.Groups["name"].Value;
            }

            if (line.Trim() != Begin)
            {
                output.Append(line).Append('\n');
                continue;
            }

            string indent = line[..line.IndexOf('/', StringComparison.Ordinal)];
            int end = Array.FindIndex(lines, i + 1, l => l.Trim() == End);
            if (end < 0)
            {
                throw new UserErrorException($"a '{Begin}' in the source has no matching '{End}'.");
            }

            regions++;
            output.Append(indent).Append($"// TODO: implement {member}.").Append('\n');
            for (int j = i + 1; j < end; j++)
            {
                string trimmed = lines[j].Trim();
                if (trimmed.StartsWith("//", StringComparison.Ordinal))
                {
                    string comment = trimmed[2..].TrimEnd();
                    comment = comment.StartsWith(" NOTE:", StringComparison.Ordinal) ? comment[" NOTE:".Length..] : comment;
                    output.Append(indent).Append("// HINT:").Append(comment).Append('\n');
                }
            }

            output.Append(indent).Append($"throw new NotImplementedException(\"TODO: implement {member}\");").Append('\n');
            i = end;
        }

        return (output.ToString().TrimEnd('\n') + "\n", regions);
    }

    [GeneratedRegex(@"^\s*public\s+(static\s+)?(partial\s+)?class\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*public\s+static\s+[\w<>\[\],\s]+?\s(?<name>\w+)\s*\(")]
    private static partial Regex MemberSignature();
}
