using Tito.Tests.Support;

namespace Tito.Tests;

public class TitoAppTests
{
    [Fact]
    public void Help_ListsEveryCommand_AndExitsZero()
    {
        TitoRun run = TitoRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "test", "module", "plot", "bench", "check" })
        {
            Assert.Contains($"  {command}", run.Out);
        }
    }

    [Theory]
    [InlineData("test --help", "--all")]
    [InlineData("module complete --help", "--progress-file")]
    [InlineData("plot --help", "--derivative")]
    [InlineData("bench --help", "--threads")]
    [InlineData("check accuracy --help", "--exhaustive")]
    public void CommandHelp_ListsItsOptions(string commandLine, string option)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Out);
    }

    [Fact]
    public void Version_PrintsTheAssemblyVersion()
    {
        TitoRun run = TitoRun.Of("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(typeof(TitoApp).Assembly.GetName().Version!.ToString(3), run.Out.Trim());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("test activations --colour")]
    [InlineData("bench --size many")]
    [InlineData("plot cosine")]
    [InlineData("")]
    public void BadCommandLine_PrintsUsageOnStderr_AndExitsTwo(string commandLine)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);   // no stack trace
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void UserError_IsOneLineOnStderr_WithoutStackTrace()
    {
        TitoRun run = TitoRun.Of("test 07");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown module '07'", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public void PlainConsole_WritesNoEscapeCodes()
    {
        TitoRun run = TitoRun.Of("plot relu --width 20 --height 5");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Out);
    }
}
