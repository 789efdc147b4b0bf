namespace Tito.Learner;

/// <summary>
/// Where learner copies are compiled: a folder only the current user can enter (owner-only permissions on Unix),
/// by default in the user's own cache folder, never a shared, predictable place in the system temp folder.
/// </summary>
/// <param name="root">The folder that holds one build folder per graded workspace.</param>
internal sealed class PrivateBuildFolder(string root)
{
    /// <summary>How many build folders are kept; older ones are deleted when a new build starts.</summary>
    public const int Kept = 5;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The folder that holds the build folders.</summary>
    public string Root { get; } = root;

    /// <summary>
    /// The default root: <c>$XDG_CACHE_HOME/tinytorch/learner-builds</c>, else <c>~/.cache/tinytorch/learner-builds</c>
    /// (on Windows, the local application-data folder); null when the user has no home folder to put it in.
    /// </summary>
    /// <param name="userFolder">Looks up the user's folders (see <see cref="TitoEnvironment.UserFolder"/>).</param>
    /// <param name="variable">Reads an environment variable (see <see cref="TitoEnvironment.Variable"/>).</param>
    public static string? DefaultRoot(Func<Environment.SpecialFolder, string> userFolder, Func<string, string?> variable)
    {
        string? cache = variable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathFullyQualified(cache))
        {
            cache = OperatingSystem.IsWindows()
                ? userFolder(Environment.SpecialFolder.LocalApplicationData)
                : HomeCache(userFolder);
        }

        return string.IsNullOrEmpty(cache) || !Path.IsPathFullyQualified(cache) ? null : Path.Combine(cache, "tinytorch", "learner-builds");
    }

    /// <summary>
    /// Creates (or reuses) the build folder <paramref name="name"/>, owner-only, marks it as the newest, and deletes
    /// all but the <see cref="Kept"/> most recently used ones. Returns its full path.
    /// </summary>
    public string Claim(string name)
    {
        CreatePrivate(Root);
        string folder = Path.Combine(Root, name);
        CreatePrivate(folder);
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow);
        foreach (DirectoryInfo old in new DirectoryInfo(Root).GetDirectories()
            .Where(d => d.FullName != folder)
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(Kept - 1))
        {
            try
            {
                old.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Another tito may be using it right now; it goes next time.
            }
        }

        return folder;
    }

    private static string? HomeCache(Func<Environment.SpecialFolder, string> userFolder)
    {
        string home = userFolder(Environment.SpecialFolder.UserProfile);
        return !Path.IsPathFullyQualified(home) || !Directory.Exists(home) ? null : Path.Combine(home, ".cache");
    }

    private static void CreatePrivate(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // The local application-data folder is already the user's own.
            Directory.CreateDirectory(folder);
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnly);

        // NOTE: CreateDirectory leaves an existing folder's mode alone, so a folder made earlier (or by an older tito)
        // with group or world access is tightened here.
        if ((File.GetUnixFileMode(folder) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(folder, OwnerOnly);
        }
    }
}
