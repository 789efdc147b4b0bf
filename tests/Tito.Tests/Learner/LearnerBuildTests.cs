using Tito.Tests.Support;

namespace Tito.Tests.Learner;

/// <summary>The learning loop with real builds of the learner's copy (seconds each: it runs the .NET SDK).</summary>
public class LearnerBuildTests
{
    [Fact]
    public void Complete_BuildsTheStubbedCopy_AndReportsEachTodo_AndACompileErrorIsAFailedCheck()
    {
        using var temp = new TempFolder();
        string root = RepositoryRoot.Find();
        string progress = Path.Combine(temp.Path, "progress.json");
        Assert.Equal(0, TitoRun.Of(["module", "start", "02", "--source", root, "--progress-file", progress], workingDirectory: temp.Path).ExitCode);

        // The stubs compile and throw: every check fails with the TODO hint, nothing is recorded as completed.
        TitoRun stubbed = TitoRun.Of(["module", "complete", "02", "--progress-file", progress], workingDirectory: temp.Path);
        Assert.Equal(1, stubbed.ExitCode);
        Assert.Contains("Grading your copy", stubbed.Out);
        Assert.Contains("TODO: implement SigmoidMath.Forward", stubbed.Out);
        Assert.DoesNotContain("CompletedAt\": \"", File.ReadAllText(progress));

        // (A solved copy passing is covered without a build: LearnerActivationsTests grades the library's own
        // readable layer through the same adapter.) A copy that does not compile is a ❌ with the compiler's error.
        string workspace = Path.Combine(temp.Path, "workspace", "02_activations");
        File.AppendAllText(Path.Combine(workspace, "ReLUMath.cs"), "\nnot C#\n");
        TitoRun broken = TitoRun.Of(["test", "02", "--workspace", workspace]);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("Your copy does not compile", broken.Out);
        Assert.Contains("ReLUMath.cs", broken.Out);
    }
}
