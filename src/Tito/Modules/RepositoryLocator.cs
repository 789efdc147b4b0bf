namespace Tito.Modules;

/// <summary>Finds the readable layer's sources, which <c>tito module start</c> turns into a learner's copy.</summary>
internal static class RepositoryLocator
{
    /// <summary>The folder of the reference files, relative to the repository root.</summary>
    public static readonly string ReferenceFolder = Path.Combine("src", "TinyTorch", "Activations", "Reference");

    /// <summary>
    /// The repository root: <paramref name="explicitRoot"/> if given, else the first folder above the working
    /// directory or above tito itself (the <c>./tito</c> script builds it inside the repository) that holds the
    /// reference files.
    /// </summary>
    public static string FindRoot(string? explicitRoot, string workingDirectory)
    {
        if (explicitRoot is not null)
        {
            string full = Path.GetFullPath(explicitRoot, workingDirectory);
            return Directory.Exists(Path.Combine(full, ReferenceFolder))
                ? full
                : throw new UserErrorException($"'{full}' has no {ReferenceFolder} folder; --source must be the TinyTorch repository root.");
        }

        foreach (string start in new[] { workingDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (Directory.Exists(Path.Combine(d.FullName, ReferenceFolder)))
                {
                    return d.FullName;
                }
            }
        }

        throw new UserErrorException(
            $"cannot find the TinyTorch sources ({ReferenceFolder}); run tito inside the repository or pass --source DIR.");
    }
}
