using Spectre.Console;

namespace Tito.Modules;

/// <summary>Writes the learner's copy of the readable layer into a workspace folder.</summary>
internal static class LearnerCopy
{
    /// <summary>
    /// Writes a stubbed copy of every reference file into <paramref name="target"/>. Without
    /// <paramref name="reset"/> an existing workspace is refused (never overwrite a learner's work silently);
    /// with it, the old folder is moved to <c>target.bak</c> first.
    /// </summary>
    public static void Prepare(IAnsiConsole console, string repositoryRoot, string target, bool reset)
    {
        bool exists = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (exists && !reset)
        {
            throw new UserErrorException($"{target} already exists; use 'tito module reset 02' to start over (your copy is kept as .bak).");
        }

        if (exists)
        {
            string backup = target.TrimEnd(Path.DirectorySeparatorChar) + ".bak";
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }

            Directory.Move(target, backup);
            console.MarkupLine($"📦 Your previous copy is now {Markup.Escape(backup)}");
        }

        Directory.CreateDirectory(target);
        string sources = Path.Combine(repositoryRoot, RepositoryLocator.ReferenceFolder);
        int total = 0;
        foreach (string file in Directory.GetFiles(sources, "*.cs").Order(StringComparer.Ordinal))
        {
            (string text, int regions) = SolutionStripper.Strip(File.ReadAllText(file));
            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), text);
            console.MarkupLine($"📝 {Markup.Escape(Path.GetFileName(file))}: {regions} TODO{(regions == 1 ? "" : "s")}");
            total += regions;
        }

        console.MarkupLine($"[bold green]✨ {(reset ? "Reset" : "Started")}:[/] {total} functions to write in {Markup.Escape(target)}");
    }
}
