using Tito.Tests.Support;

namespace Tito.Tests.Commands;

/// <summary><c>tito module start</c> as an installed tool runs it: no checkout above the working folder or above tito.</summary>
public class ModuleStartAnywhereTests
{
    [Fact]
    public void Start_OutsideAnyCheckout_WritesTheSameCopy_FromTheSourcesInsideTito()
    {
        using var temp = new TempFolder();
        string elsewhere = Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere")).FullName;
        string fromCheckout = Path.Combine(temp.Path, "from-checkout");
        string progress = Path.Combine(temp.Path, "progress.json");

        TitoRun anywhere = TitoRun.Of(["module", "start", "02", "--progress-file", progress], workingDirectory: elsewhere, toolDirectory: elsewhere);
        TitoRun inside = TitoRun.Of(["module", "start", "02", "--workspace", fromCheckout, "--source", RepositoryRoot.Find(), "--progress-file", progress]);

        Assert.Equal(0, anywhere.ExitCode);
        Assert.Equal(0, inside.ExitCode);
        Assert.Contains("built into tito", anywhere.Out);
        string workspace = Path.Combine(elsewhere, "workspace", "02_activations");
        string[] files = [.. Directory.GetFiles(fromCheckout, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fromCheckout, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(files, Directory.GetFiles(workspace, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(workspace, f)).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine("going-further", "ELUMath.cs"), files);
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(fromCheckout, file)), File.ReadAllText(Path.Combine(workspace, file)));
        }

        Assert.Contains("TODO: implement SigmoidMath.Forward", File.ReadAllText(Path.Combine(workspace, "SigmoidMath.cs")));
    }
}
