using Tito.Tests.Support;

namespace Tito.Tests;

public class TitoEnvironmentTests
{
    /// <summary>A machine where HOME is unset or names a missing folder: .NET answers "" for both folders.</summary>
    private static TitoEnvironment Homeless(TextWriter output, TextWriter error) => new()
    {
        Out = ConsoleFactory.Create(output, plain: true),
        Output = output,
        Error = error,
        UserFolder = _ => "",
    };

    [Fact]
    public void WithoutAHomeFolder_TheDefaultProgressFileIsRefused_NotMadeRelative()
    {
        TitoEnvironment env = Homeless(TextWriter.Null, TextWriter.Null);
        var e = Assert.Throws<UserErrorException>(env.ResolveDefaultProgressFile);
        Assert.Contains("HOME", e.Message);
        Assert.Contains("--progress-file", e.Message);
    }

    [Fact]
    public void WithoutAnApplicationDataFolder_TheDefaultIsUnderHomeConfig()
    {
        using var home = new TempFolder();
        var env = new TitoEnvironment
        {
            Out = ConsoleFactory.Create(TextWriter.Null, plain: true),
            Output = TextWriter.Null,
            Error = TextWriter.Null,
            UserFolder = f => f == Environment.SpecialFolder.UserProfile ? home.Path : "",
        };
        Assert.Equal(Path.Combine(home.Path, ".config", "tinytorch", "progress.json"), env.ResolveDefaultProgressFile());
    }

    [Fact]
    public void ModuleStatus_WithoutAHomeFolder_SaysWhatToDo_InOneLine()
    {
        TitoRun run = TitoRun.With(["module", "status"], Homeless);
        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no home folder was found", line);
        Assert.Contains("--progress-file", line);
        Assert.DoesNotContain("Progress file: .config", run.Out);
    }

    [Fact]
    public void CommandsThatKeepNoProgress_RunWithoutAHomeFolder()
    {
        TitoRun run = TitoRun.With(["test", "01"], Homeless);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void AnExplicitProgressFile_NeedsNoHomeFolder()
    {
        using var temp = new TempFolder();
        TitoRun run = TitoRun.With(["module", "status", "--progress-file", Path.Combine(temp.Path, "p.json")], Homeless);
        Assert.Equal(0, run.ExitCode);
    }
}
