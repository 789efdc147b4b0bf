namespace Tito.Learner;

/// <summary>The <c>dotnet</c> executable tito runs for builds and for the grading worker.</summary>
internal static class DotnetHost
{
    /// <summary>
    /// The host running tito when that is <c>dotnet</c> itself; else the one the SDK names in
    /// <c>DOTNET_HOST_PATH</c>; else <c>dotnet</c> from PATH.
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
