using System.Reflection;

namespace Tito.Modules;

/// <summary>
/// The readable layer's source files a learner's copy is made from: read from a TinyTorch checkout, or, for an
/// installed tool with no checkout around it, the copies compiled into tito itself (see Tito.csproj).
/// </summary>
internal sealed class ReferenceSources
{
    /// <summary>The prefix of the embedded files' resource names; the family's files are below <c>Reference/Family/</c>.</summary>
    public const string ResourcePrefix = "Reference/";

    private ReferenceSources(string origin, IReadOnlyList<SourceFile> core, IReadOnlyList<SourceFile> family)
    {
        Origin = origin;
        Core = core;
        Family = family;
    }

    /// <summary>Where the files came from, for the learner: "in FOLDER", or "built into tito, from …".</summary>
    public string Origin { get; }

    /// <summary>The five functions' files (and their helpers), in ordinal name order.</summary>
    public IReadOnlyList<SourceFile> Core { get; }

    /// <summary>The rest of the family, in ordinal name order; empty when there is none.</summary>
    public IReadOnlyList<SourceFile> Family { get; }

    /// <summary>The .cs files of <see cref="RepositoryLocator.ReferenceFolder"/> below <paramref name="repositoryRoot"/>.</summary>
    public static ReferenceSources FromRepository(string repositoryRoot)
    {
        string folder = Path.Combine(repositoryRoot, RepositoryLocator.ReferenceFolder);
        string family = Path.Combine(folder, LearnerCopy.FamilyFolder);
        return new($"in {folder}", Read(folder), Directory.Exists(family) ? Read(family) : []);

        static SourceFile[] Read(string from) =>
            [.. Directory.GetFiles(from, "*.cs").Order(StringComparer.Ordinal).Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f)))];
    }

    /// <summary>The copies of the reference files that were compiled into tito when it was built.</summary>
    /// <exception cref="UserErrorException">This tito was built without them (it cannot happen with Tito.csproj as it is).</exception>
    public static ReferenceSources Embedded()
    {
        Assembly tito = typeof(ReferenceSources).Assembly;
        var core = new List<SourceFile>();
        var family = new List<SourceFile>();
        // NOTE: the resource names come from MSBuild's %(RecursiveDir), which uses the building machine's separator.
        foreach (string resource in tito.GetManifestResourceNames())
        {
            string name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }

            string relative = name[ResourcePrefix.Length..];
            using Stream stream = tito.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var file = new SourceFile(Path.GetFileName(relative), reader.ReadToEnd());
            if (!relative.Contains('/', StringComparison.Ordinal))
            {
                core.Add(file);
            }
            else if (relative.StartsWith(LearnerCopy.FamilyFolder + "/", StringComparison.Ordinal))
            {
                family.Add(file);
            }
        }

        if (core.Count == 0)
        {
            throw new UserErrorException(
                $"this tito carries no reference sources and no TinyTorch checkout was found ({RepositoryLocator.ReferenceFolder}); run it inside the repository or pass --source DIR.");
        }

        return new($"built into tito, from {RepositoryLocator.ReferenceFolder} of the TinyTorch repository",
            [.. core.OrderBy(f => f.Name, StringComparer.Ordinal)], [.. family.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }
}
