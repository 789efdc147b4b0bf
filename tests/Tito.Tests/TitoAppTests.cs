using Tito.Checks;
using Tito.Tests.Support;

namespace Tito.Tests;

public class TitoAppTests
{
    [Fact]
    public void Help_ListsEveryCommand_AndExitsZero()
    {
        TitoRun run = TitoRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (string command in new[] { "test", "module", "export", "plot", "bench", "check" })
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
    [InlineData("export --help", "--library")]
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

    /// <summary>Every option of every command that takes a typed value, with the command path that reaches it.</summary>
    public static TheoryData<string, string, bool> TypedOptions()
    {
        var data = new TheoryData<string, string, bool>();
        var env = new TitoEnvironment { Out = ConsoleFactory.Create(TextWriter.Null, plain: true), Output = TextWriter.Null, Error = TextWriter.Null };
        void Walk(System.CommandLine.Command command, string path)
        {
            foreach (System.CommandLine.Option option in command.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(string[])))
            {
                if (option is not System.CommandLine.Help.HelpOption and not System.CommandLine.VersionOption)
                {
                    data.Add(path, option.Name, option.ValueType == typeof(bool));
                }
            }

            // A hidden command (grade-worker, which tito starts itself) is not typed by people.
            foreach (System.CommandLine.Command sub in command.Subcommands.Where(c => !c.Hidden))
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }

        Walk(TitoApp.BuildRoot(env), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(TypedOptions))]
    public void AValueOfTheWrongKind_IsExplainedInWords_WithoutDotNetTypeNames(string command, string option, bool isBool)
    {
        // '=' makes the parser take the value even for a bool option, which would otherwise leave it unmatched.
        TitoRun run = TitoRun.Of([.. command.Split(' '), $"{option}=abc"]);
        Assert.Equal(2, run.ExitCode);
        string firstLine = run.Error.Split('\n')[0];
        if (!isBool)
        {
            // A bool option does not take 'abc': the parser leaves it to the command's arguments (an unknown
            // argument, a module name), whose messages are plain already. Every other kind must say what it expected.
            Assert.Contains($"{option} expects ", firstLine);
            Assert.Contains("(got 'abc')", firstLine);
        }

        Assert.DoesNotContain("System.", run.Error);
        Assert.DoesNotContain("Int32", run.Error);
    }

    [Theory]
    [InlineData("bench --size abc", "--size expects a whole number")]
    [InlineData("bench --size 99999999999", "--size expects a whole number no larger than 2,147,483,647")]
    [InlineData("check accuracy --stride -1", "--stride expects a whole number from 0")]
    [InlineData("plot --from abc", "--from expects a number")]
    public void TheCommonTypos_GetAPlainMessage(string commandLine, string expected)
    {
        TitoRun run = TitoRun.Of(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"tito: {expected}", run.Error);
        Assert.DoesNotContain("System.", run.Error);
    }

    [Fact]
    public void AnUnexpectedException_IsOneLineOnStderr_ExitOne_AndNoStackTrace()
    {
        // A Forward that throws something no command expects: 'check stability' does not catch it.
        var broken = new ActivationRegistry { Sigmoid = () => throw new InvalidOperationException("the tensor was\nnot ready") };
        TitoRun run = TitoRun.Of("check stability", broken);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("tito: unexpected error (the tensor was not ready). This is a bug in tito", lines[0]);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("InvalidOperationException", run.Error);
    }
}
