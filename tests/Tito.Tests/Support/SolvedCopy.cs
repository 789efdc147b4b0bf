namespace Tito.Tests.Support;

/// <summary>A learner's copy that is already solved (the repository's own readable layer), to break on purpose.</summary>
public static class SolvedCopy
{
    /// <summary>Copies the reference files into <c>folder/ws</c> and returns that workspace.</summary>
    public static string In(string folder)
    {
        string workspace = Path.Combine(folder, "ws");
        Directory.CreateDirectory(workspace);
        string sources = Path.Combine(RepositoryRoot.Find(), "src", "TinyTorch", "Activations", "Reference");
        foreach (string file in Directory.GetFiles(sources, "*.cs"))
        {
            File.Copy(file, Path.Combine(workspace, Path.GetFileName(file)));
        }

        return workspace;
    }

    /// <summary>Puts <paramref name="statements"/> at the start of <c>type.Forward(double x)</c>.</summary>
    public static void Prepend(string workspace, string type, string statements)
    {
        string file = Path.Combine(workspace, type + ".cs");
        string text = File.ReadAllText(file);
        const string Signature = "public static double Forward(double x)";
        int body = text.IndexOf('{', text.IndexOf(Signature, StringComparison.Ordinal));
        File.WriteAllText(file, text[..(body + 1)] + " " + statements + text[(body + 1)..]);
    }
}
