using Tito.Tests.Support;

namespace Tito.Tests.Commands;

/// <summary>
/// <c>tito module …</c> with a progress file it cannot use: each subcommand refuses before grading or copying,
/// in one line naming the file, and leaves the file as it was. (Kept apart from ModuleCommandTests, whose
/// workspace and grading tests change on another branch.)
/// </summary>
public class ModuleCommandProgressFileTests
{
    [Theory]
    [InlineData("{\"02\": null}", "has null for module \"02\" where an object was expected")]
    [InlineData("{\"02\": 5}", "has the number 5 for module \"02\" where an object was expected")]
    [InlineData("[]", "holds an array where an object of modules was expected")]
    [InlineData("", "is empty")]
    [InlineData("  \n", "is empty")]
    [InlineData("{\"02\": {\"CompletedAt\": 5}}", "has the number 5 for module \"02\"'s CompletedAt where a date")]
    [InlineData("{\"02\": {\"StartedAt\": \"yesterday\"}}", "has the text \"yesterday\" for module \"02\"'s StartedAt where a date")]
    [InlineData("{\"02\": {\"PropertiesPassed\": \"many\"}}", "where a whole number ≥ 0 was expected")]
    [InlineData("{\"02\": {\"PropertiesPassed\": -3}}", "where a whole number ≥ 0 was expected")]
    [InlineData("{\"02\": {\"completedAt\": null}}", "has an unknown field module \"02\"'s completedAt")]
    [InlineData("{\"02\": {}, \"02\": {}}", "lists module \"02\" twice")]
    public void Complete_WithAMalformedProgressFile_RefusesBeforeGrading_AndKeepsTheFile(string content, string expected)
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        File.WriteAllText(progress, content);

        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", progress]);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tito: the progress file {progress} ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("✅", run.Out);   // no check ran
        Assert.Equal(content, File.ReadAllText(progress));
    }

    [Theory]
    [InlineData("complete", "02")]
    [InlineData("start", "02")]
    [InlineData("reset", "02")]
    [InlineData("status", null)]
    public void EverySubcommand_ChecksTheProgressFileFirst(string subcommand, string? module)
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        string workspace = Path.Combine(temp.Path, "ws");
        File.WriteAllText(progress, "{\"02\": null}");
        string[] args = subcommand == "status"
            ? ["module", "status", "--progress-file", progress]
            : subcommand == "complete"
                ? ["module", "complete", module!, "--progress-file", progress]
                : ["module", subcommand, module!, "--progress-file", progress, "--workspace", workspace, "--source", RepositoryRoot.Find()];

        TitoRun run = TitoRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has null for module \"02\"", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(Directory.Exists(workspace));   // start/reset made no copy
        Assert.Equal("{\"02\": null}", File.ReadAllText(progress));
    }

    [Fact]
    public void Complete_WithAFolderAsProgressFile_RefusesBeforeGrading()
    {
        using var temp = new TempFolder();
        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", temp.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the progress file {temp.Path} is a folder, not a file", run.Error);
        Assert.Contains("--progress-file", run.Error);
        Assert.DoesNotContain("✅", run.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Complete_WithAnEmptyProgressFilePath_RefusesBeforeGrading(string path)
    {
        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--progress-file was given an empty path", run.Error);
        Assert.DoesNotContain("✅", run.Out);
    }

    [Fact]
    public void Complete_UnderAPathThatIsAFile_RefusesBeforeGrading()
    {
        using var temp = new TempFolder();
        string blocker = Path.Combine(temp.Path, "notes.txt");
        File.WriteAllText(blocker, "mine");
        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", Path.Combine(blocker, "progress.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{blocker} is a file, not a folder", run.Error);
        Assert.DoesNotContain("✅", run.Out);
        Assert.Equal("mine", File.ReadAllText(blocker));
    }

    [Fact]
    public void Complete_KeepsTheOtherModulesRecords_AndLeavesNoTemporaryFile()
    {
        using var temp = new TempFolder();
        string progress = Path.Combine(temp.Path, "progress.json");
        File.WriteAllText(progress, "{\"01\": {\"StartedAt\": null, \"CompletedAt\": \"2025-01-31T12:00:00+00:00\", \"PropertiesPassed\": 7}}");

        TitoRun run = TitoRun.Of(["module", "complete", "02", "--progress-file", progress]);

        Assert.Equal(0, run.ExitCode);
        string written = File.ReadAllText(progress);
        Assert.Contains("\"PropertiesPassed\": 7", written);
        Assert.Contains("\"02\"", written);
        Assert.Equal([progress], Directory.GetFiles(temp.Path));   // the write went through a temporary file, now gone
    }
}
