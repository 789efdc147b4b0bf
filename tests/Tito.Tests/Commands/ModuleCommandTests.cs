using System.Text.Json;
using Tito.Checks;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class ModuleCommandTests
{
    [Fact]
    public void Complete_RecordsProgress_AndNamesWhatComesNext()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "nested", "progress.json");
        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", progress]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Step 1/3 — unit tests", run.Out);
        Assert.Contains("Step 2/3 — integration tests", run.Out);
        Assert.Contains("Module 03: Layers", run.Out);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(progress));
        JsonElement entry = json.RootElement.GetProperty("02");
        Assert.True(entry.GetProperty("PropertiesPassed").GetInt32() > 30);
        Assert.Equal(JsonValueKind.String, entry.GetProperty("CompletedAt").ValueKind);
    }

    [Fact]
    public void Complete_WithABrokenActivation_RecordsNothing_AndExitsOne()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        var broken = new ActivationRegistry { Sigmoid = () => new NaiveSigmoid() };
        TitoRun run = TitoRun.Of(["module", "complete", "activations", "--progress-file", progress], broken);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("❌", run.Out);
        Assert.False(File.Exists(progress));
    }

    [Fact]
    public void Status_ShowsModules01And02WithTheirState()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        Assert.Equal(0, TitoRun.Of(["module", "complete", "01", "--progress-file", progress]).ExitCode);

        TitoRun run = TitoRun.Of(["module", "status", "--progress-file", progress]);
        Assert.Equal(0, run.ExitCode);
        string tensorLine = run.Out.Split('\n').Single(l => l.Contains("Tensor", StringComparison.Ordinal));
        string activationsLine = run.Out.Split('\n').Single(l => l.Contains("Activations", StringComparison.Ordinal));
        Assert.Contains("completed", tensorLine);
        Assert.Contains("not started", activationsLine);
    }

    [Fact]
    public void Status_WithACorruptProgressFile_IsAUserError()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        File.WriteAllText(progress, "{ not json");
        TitoRun run = TitoRun.Of(["module", "status", "--progress-file", progress]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid JSON", run.Error);
    }

    [Fact]
    public void StartThenReset_WritesStubbedCopies_AndKeepsTheOldOneAsBackup()
    {
        using var temp = new TempFolder();
        string workspace = Path.Combine(temp.Path, "ws");
        string progress = Path.Combine(temp.Path, "progress.json");
        string[] common = ["--workspace", workspace, "--source", RepositoryRoot.Find(), "--progress-file", progress];

        TitoRun start = TitoRun.Of(["module", "start", "02", .. common]);
        Assert.Equal(0, start.ExitCode);
        string sigmoid = File.ReadAllText(Path.Combine(workspace, "SigmoidMath.cs"));
        Assert.Contains("throw new NotImplementedException(\"TODO: implement SigmoidMath.Forward\");", sigmoid);
        Assert.DoesNotContain("BEGIN SOLUTION", sigmoid);
        Assert.DoesNotContain("Math.Exp(-x)", sigmoid);   // the solution's code is gone, only hints remain

        TitoRun again = TitoRun.Of(["module", "start", "02", .. common]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error);

        File.WriteAllText(Path.Combine(workspace, "SigmoidMath.cs"), "// my attempt");
        TitoRun reset = TitoRun.Of(["module", "reset", "02", .. common]);
        Assert.Equal(0, reset.ExitCode);
        Assert.Equal("// my attempt", File.ReadAllText(Path.Combine(workspace + ".bak1", "SigmoidMath.cs")));
        Assert.Contains("TODO: implement SigmoidMath.Forward", File.ReadAllText(Path.Combine(workspace, "SigmoidMath.cs")));
    }

    [Fact]
    public void ResetTwice_KeepsEveryEarlierCopy()
    {
        using var temp = new TempFolder();
        string workspace = Path.Combine(temp.Path, "ws");
        string[] common = ["--workspace", workspace, "--source", RepositoryRoot.Find(), "--progress-file", Path.Combine(temp.Path, "p.json")];
        Assert.Equal(0, TitoRun.Of(["module", "start", "02", .. common]).ExitCode);

        File.WriteAllText(Path.Combine(workspace, "ReLUMath.cs"), "// first attempt");
        Assert.Equal(0, TitoRun.Of(["module", "reset", "02", .. common]).ExitCode);
        File.WriteAllText(Path.Combine(workspace, "ReLUMath.cs"), "// second attempt");
        TitoRun second = TitoRun.Of(["module", "reset", "02", .. common]);

        Assert.Equal(0, second.ExitCode);
        Assert.Equal("// first attempt", File.ReadAllText(Path.Combine(workspace + ".bak1", "ReLUMath.cs")));
        Assert.Equal("// second attempt", File.ReadAllText(Path.Combine(workspace + ".bak2", "ReLUMath.cs")));
        Assert.Contains(workspace + ".bak2", second.Out);
        Assert.Contains("TODO: implement ReLUMath.Forward", File.ReadAllText(Path.Combine(workspace, "ReLUMath.cs")));
    }

    [Fact]
    public void Start_WithoutTheSources_IsAUserError()
    {
        using var temp = new TempFolder();
        TitoRun run = TitoRun.Of(["module", "start", "02", "--source", temp.Path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--source must be the TinyTorch repository root", run.Error);
    }

    [Fact]
    public void Complete_WhenTheProgressFileCannotBeWritten_IsAUserError()
    {
        using var temp = new TempFolder();
        string blocker = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(blocker, "");
        TitoRun run = TitoRun.Of(["module", "complete", "01", "--progress-file", Path.Combine(blocker, "progress.json")]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("tito: ", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
