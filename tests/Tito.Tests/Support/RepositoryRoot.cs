namespace Tito.Tests.Support;

/// <summary>The repository this test assembly was built in (for the real reference sources).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TinyTorch.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("TinyTorch.slnx not found above the test assembly.");
    }
}
