using System.Text.Json;
using Tito.Tests.Support;

namespace Tito.Tests.Commands;

public class ExportCommandTests
{
    [Fact]
    public void ExportModule_MakesTitoTestGradeTheCopy_UntilExportLibrary()
    {
        using var temp = new TempFolder();
        string workspace = SolvedCopy.In(temp.Path);
        SolvedCopy.Prepend(workspace, "SigmoidMath", "return 0.5;");   // a wrong Sigmoid the library does not have
        string progress = Path.Combine(temp.Path, "progress.json");

        TitoRun export = TitoRun.Of(["export", "--module", "activations", "--workspace", workspace, "--progress-file", progress]);
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("now builds and grades your copy", export.Out);
        using (JsonDocument json = JsonDocument.Parse(File.ReadAllText(progress)))
        {
            Assert.Equal(workspace, json.RootElement.GetProperty("02").GetProperty("ExportedWorkspace").GetString());
        }

        TitoRun graded = TitoRun.Of(["test", "activations", "--progress-file", progress]);
        Assert.Equal(1, graded.ExitCode);
        Assert.Contains("Testing your exported copy", graded.Out);
        Assert.Contains("Grading your copy (not the library)", graded.Out);
        Assert.Contains("❌", graded.Out);

        TitoRun status = TitoRun.Of(["module", "status", "--progress-file", progress]);
        Assert.Contains("tito test grades", status.Out);

        TitoRun back = TitoRun.Of(["export", "--library", "--progress-file", progress]);
        Assert.Equal(0, back.ExitCode);
        Assert.Contains("Back to the library", back.Out);
        Assert.DoesNotContain("ExportedWorkspace", File.ReadAllText(progress));

        TitoRun library = TitoRun.Of(["test", "activations", "--progress-file", progress]);
        Assert.Equal(0, library.ExitCode);
        Assert.DoesNotContain("exported", library.Out);
    }

    [Fact]
    public void ExportModule_DefaultsToTheWorkspaceModuleStartMade()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        string workspace = Path.Combine(temp.Path, "workspace", "02_activations");
        Directory.CreateDirectory(workspace);
        File.WriteAllText(Path.Combine(workspace, "ReLUMath.cs"), "// mine");

        TitoRun run = TitoRun.Of(["export", "-m", "02", "--progress-file", progress], workingDirectory: temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(workspace, File.ReadAllText(progress));
    }

    [Theory]
    [InlineData(new string[] { "export" }, "give either --module activations")]
    [InlineData(new string[] { "export", "--module", "activations", "--library" }, "give either --module activations")]
    [InlineData(new string[] { "export", "--library", "--workspace", "ws" }, "--workspace goes with --module")]
    [InlineData(new string[] { "export", "--module", "tensor" }, "Module 01 has no learner copy to export")]
    [InlineData(new string[] { "export", "--module", "activations", "--workspace", "missing" }, "no learner copy in")]
    [InlineData(new string[] { "export", "--module", "layers" }, "unknown module 'layers'")]
    public void BadExports_AreOneLineUserErrors_AndRecordNothing(string[] args, string expected)
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");

        TitoRun run = TitoRun.Of([.. args, "--progress-file", progress], workingDirectory: temp.Path);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.False(File.Exists(progress));
    }

    [Fact]
    public void Test_WhenTheExportedCopyIsGone_SaysHowToGoBack()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        string gone = Path.Combine(temp.Path, "gone");
        File.WriteAllText(progress, JsonSerializer.Serialize(new Dictionary<string, object> { ["02"] = new { ExportedWorkspace = gone } }));

        TitoRun run = TitoRun.Of(["test", "activations", "--progress-file", progress]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"your exported copy {gone} is gone; 'tito export --library'", run.Error);
    }

    [Fact]
    public void ProgressFile_WithARelativeExportedWorkspace_IsAUserError()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        File.WriteAllText(progress, "{\"02\": {\"ExportedWorkspace\": \"ws\"}}");

        TitoRun run = TitoRun.Of(["test", "activations", "--progress-file", progress]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("module \"02\"'s ExportedWorkspace where a full folder path or null was expected", run.Error);
    }
}
