using Spectre.Console;

namespace Tito.Modules;

/// <summary>Writes the learner's copy of the readable layer into a workspace folder.</summary>
internal static class LearnerCopy
{
    /// <summary>The family's reference files, below the reference folder.</summary>
    public const string FamilyFolder = "Family";

    /// <summary>Where the family's stubs go in a learner's workspace.</summary>
    public const string GoingFurtherFolder = "going-further";

    /// <summary>
    /// Writes a stubbed copy of every file of <paramref name="sources"/> into <paramref name="target"/>. Without
    /// <paramref name="reset"/> an existing workspace is refused (never overwrite a learner's work silently);
    /// with it, the old folder is first moved to the next free backup, <c>target.bak1</c>, <c>target.bak2</c>, …:
    /// no earlier copy is ever deleted.
    /// </summary>
    public static void Prepare(IAnsiConsole console, ReferenceSources sources, string target, bool reset)
    {
        target = Path.TrimEndingDirectorySeparator(target);
        if (File.Exists(target))
        {
            throw new UserErrorException($"{target} is a file, not a folder; choose another --workspace.");
        }

        bool exists = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (exists && !reset)
        {
            throw new UserErrorException($"{target} already exists and holds your work; 'tito module reset 02' starts over and keeps it as a numbered backup.");
        }

        if (exists)
        {
            string backup = NextBackup(target);
            Directory.Move(target, backup);
            console.MarkupLine($"📦 Your previous copy is kept, untouched, in {Markup.Escape(backup)}");
        }

        int total = WriteStubs(sources.Core, target, (file, regions) =>
            console.MarkupLine($"📝 {Markup.Escape(file)}: {regions} TODO{(regions == 1 ? "" : "s")}"));

        // The family beyond the five: optional, in a folder of its own, graded apart by 'module complete'.
        if (sources.Family.Count > 0)
        {
            int optional = WriteStubs(sources.Family, Path.Combine(target, GoingFurtherFolder), (_, _) => { });
            console.MarkupLine($"🧭 {GoingFurtherFolder}/: {optional} optional functions of the rest of the family, graded apart and not required");
        }

        console.MarkupLine($"[bold green]✨ {(reset ? "Reset" : "Started")}:[/] {total} functions to write in {Markup.Escape(target)}");
    }

    /// <summary>Writes a stubbed copy of every file of <paramref name="files"/> into <paramref name="to"/>; returns the TODO count.</summary>
    private static int WriteStubs(IReadOnlyList<SourceFile> files, string to, Action<string, int> written)
    {
        Directory.CreateDirectory(to);
        int total = 0;
        foreach (SourceFile file in files)
        {
            (string text, int regions) = SolutionStripper.Strip(file.Text);
            File.WriteAllText(Path.Combine(to, file.Name), text);
            written(file.Name, regions);
            total += regions;
        }

        return total;
    }

    /// <summary>The first of <c>target.bak1</c>, <c>target.bak2</c>, … above every backup already there.</summary>
    public static string NextBackup(string target)
    {
        string name = Path.GetFileName(target) + ".bak";
        string parent = Path.GetDirectoryName(target) ?? ".";
        int last = Directory.EnumerateFileSystemEntries(parent, name + "*")
            .Select(p => Path.GetFileName(p)[name.Length..])
            .Select(n => int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k) ? k : 0)
            .DefaultIfEmpty(0)
            .Max();
        return Path.Combine(parent, $"{name}{last + 1}");
    }
}
