using Tito.Tests.Support;

namespace Tito.Tests.Learner;

/// <summary>
/// A learner's copy runs in a child process with a time limit: its endless loop, stack overflow or
/// Environment.Exit ends that process, never tito (real builds and real child processes: seconds each).
/// </summary>
public class LearnerWorkerTests
{
    [Fact]
    public void AnEndlessLoop_EndsWithTheTimeLimit_AndExitOne()
    {
        using var temp = new TempFolder();
        string workspace = SolvedCopy.In(temp.Path);
        SolvedCopy.Prepend(workspace, "SigmoidMath", "while (x == 1000) { }");

        TitoRun run = TitoRun.Of(["test", "02", "--workspace", workspace, "--timeout", "3"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("your code did not finish in 3 s", run.Out);
        Assert.Contains("Numerically stable with extreme values (±1000)", run.Out);   // the check it hung in
        Assert.DoesNotContain("Unit Test: Tanh", run.Out);                            // grading stopped there
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void AStackOverflow_OrAnExit_FailsTheCheckItHit_NamingTheFunction_AndGradingGoesOn()
    {
        using var temp = new TempFolder();
        string workspace = SolvedCopy.In(temp.Path);
        SolvedCopy.Prepend(workspace, "TanhMath", "if (x > 100) return Forward(x); if (x == 10) System.Environment.Exit(3);");
        SolvedCopy.Prepend(workspace, "ReLUMath", "System.Console.WriteLine($\"debug {x}\");");

        TitoRun run = TitoRun.Of(["test", "02", "--workspace", workspace, "--timeout", "120"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("your code crashed with a stack overflow in TanhMath.Forward", run.Out);
        Assert.Contains("your code ended the process (exit code 3)", run.Out);
        Assert.Contains("📝 your code printed: debug -1", run.Out);   // a learner's debug lines reach the story
        Assert.Contains("📈 Progress: GELU ✓", run.Out);                // checks after the crash still ran
        Assert.Contains("📈 Progress: Activations together ✓", run.Out);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public void TheBuild_ImportsNoDirectoryBuildFiles_FromAbove_AndItsFolderIsOwnerOnly()
    {
        using var temp = new TempFolder();
        string workspace = SolvedCopy.In(temp.Path);

        // Files MSBuild would import from any folder above the project: as planted, each one breaks the build.
        string planted = Path.Combine(temp.Path, "shared");
        string buildRoot = Path.Combine(planted, "builds");
        Directory.CreateDirectory(planted);
        string evil = """<Project><Target Name="Planted" BeforeTargets="Build"><Error Text="planted file imported" /></Target></Project>""";
        File.WriteAllText(Path.Combine(planted, "Directory.Build.props"), evil);
        File.WriteAllText(Path.Combine(planted, "Directory.Build.targets"), evil);
        File.WriteAllText(Path.Combine(planted, "Directory.Packages.props"), "not even XML");

        string progress = Path.Combine(temp.Path, "progress.json");
        TitoRun run = TitoRun.Of(["module", "complete", "02", "--workspace", workspace, "--progress-file", progress], learnerBuildRoot: buildRoot);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("planted", run.Out);
        Assert.Contains("Grading your copy", run.Out);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(buildRoot));
            foreach (string build in Directory.GetDirectories(buildRoot))
            {
                Assert.Equal(OwnerOnly, File.GetUnixFileMode(build));
            }
        }
    }

    [Fact]
    public void WithoutAHomeFolder_BuildingIsAUserError_NotARelativePath()
    {
        using var temp = new TempFolder();
        string workspace = SolvedCopy.In(temp.Path);
        TitoRun run = TitoRun.With(["test", "02", "--workspace", workspace], (output, error) => new TitoEnvironment
        {
            Out = ConsoleFactory.Create(output, plain: true),
            Output = output,
            Error = error,
            UserFolder = _ => "",
            Variable = _ => null,
            WorkingDirectory = temp.Path,
        });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("HOME", run.Error);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "tinytorch")));
    }

    [Fact]
    public void GoingFurther_IsGradedApart_AndNotRequired()
    {
        using var temp = new TempFolder();
        string root = RepositoryRoot.Find();
        string progress = Path.Combine(temp.Path, "progress.json");
        Assert.Equal(0, TitoRun.Of(["module", "start", "02", "--source", root, "--progress-file", progress], workingDirectory: temp.Path).ExitCode);
        string workspace = Path.Combine(temp.Path, "workspace", "02_activations");
        Assert.True(File.Exists(Path.Combine(workspace, "going-further", "LeakyReLUMath.cs")));
        Assert.Contains("TODO", File.ReadAllText(Path.Combine(workspace, "going-further", "LogSoftmaxMath.cs")));

        // The five solved, the family left as TODO stubs: the module completes, the optional part reports its failures.
        foreach (string file in Directory.GetFiles(Path.Combine(root, "src", "TinyTorch", "Activations", "Reference"), "*.cs"))
        {
            File.Copy(file, Path.Combine(workspace, Path.GetFileName(file)), overwrite: true);
        }

        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", progress], workingDirectory: temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Going further — optional", run.Out);
        Assert.Contains("TODO: implement LeakyReLUMath.Forward", run.Out);
        Assert.Contains("🔬 Unit Test: LogSoftmax", run.Out);   // graded from the copy's own LogSoftmaxMath stub
        var held = System.Text.RegularExpressions.Regex.Match(run.Out, @"🧭 Going further: (\d+) of (\d+) optional properties held");
        Assert.True(held.Success);
        Assert.True(int.Parse(held.Groups[1].Value) < int.Parse(held.Groups[2].Value));   // the stubs failed, and did not count
    }
}
