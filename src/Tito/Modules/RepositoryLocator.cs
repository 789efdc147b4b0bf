namespace Tito.Modules;

/// <summary>Finds the readable layer's sources, which <c>tito module start</c> turns into a learner's copy.</summary>
internal static class RepositoryLocator
{
    /// <summary>The folder of the reference files, relative to the repository root.</summary>
    public static readonly string ReferenceFolder = Path.Combine("src", "TinyTorch", "Activations", "Reference");

    /// <summary>
    /// The repository root: <paramref name="explicitRoot"/> if given (a user error if it is not one), else the first
    /// folder above the working directory or above tito itself (the <c>./tito</c> script builds it inside the
    /// repository) that holds the reference files; null when there is none (an installed tool, run elsewhere).
    /// </summary>
    public static string? FindRoot(string? explicitRoot, string workingDirectory, string toolDirectory)
    {
        if (explicitRoot is not null)
        {
            string full = Path.GetFullPath(explicitRoot, workingDirectory);
            return Directory.Exists(Path.Combine(full, ReferenceFolder))
                ? full
                : throw new UserErrorException($"'{full}' has no {ReferenceFolder} folder; --source must be the TinyTorch repository root.");
        }

        foreach (string start in new[] { workingDirectory, toolDirectory })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (Directory.Exists(Path.Combine(d.FullName, ReferenceFolder)))
                {
                    return d.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The reference files a learner's copy is made from: the checkout's (see <see cref="FindRoot"/>), so that
    /// inside the repository the copy follows the sources as they are now; else the copies inside tito.
    /// </summary>
    public static ReferenceSources FindSources(string? explicitRoot, string workingDirectory, string toolDirectory) =>
        FindRoot(explicitRoot, workingDirectory, toolDirectory) is { } root
            ? ReferenceSources.FromRepository(root)
            : ReferenceSources.Embedded();
}
