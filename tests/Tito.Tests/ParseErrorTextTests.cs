using System.CommandLine;
using TinyTorch.Core;

namespace Tito.Tests;

public class ParseErrorTextTests
{
    /// <summary>The first parse error of <paramref name="args"/> against a command with one option of type <typeparamref name="T"/>.</summary>
    private static string FirstError<T>(params string[] args)
    {
        var command = new RootCommand { new Option<T>("--value") };
        return ParseErrorText.For(command.Parse(args).Errors[0]);
    }

    [Fact]
    public void AnEnumOption_ListsItsNames_InsteadOfItsDotNetType()
    {
        // tito has no enum option today; the next one (say, a GELU form) must not print its .NET type name.
        string message = FirstError<GeluApproximation>("--value", "banana");
        Assert.Equal("--value expects one of: sigmoid, tanh, none (got 'banana').", message);
    }

    [Theory]
    [InlineData(typeof(int), "a whole number no larger than 2,147,483,647")]
    [InlineData(typeof(int?), "a whole number no larger than 2,147,483,647")]
    [InlineData(typeof(uint), "a whole number from 0 to 4,294,967,295")]
    [InlineData(typeof(long), "a whole number")]
    [InlineData(typeof(double), "a number (for example -5, 0.5 or 1e3)")]
    [InlineData(typeof(float), "a number (for example -5, 0.5 or 1e3)")]
    [InlineData(typeof(bool), "true or false")]
    public void Expectations_AreInWords(Type type, string expected) =>
        Assert.StartsWith(expected, ParseErrorText.Expectation(type));

    [Fact]
    public void AnErrorThatNamesNoType_PassesThrough()
    {
        var command = new RootCommand { new Option<int>("--value") };
        ParseResult parse = command.Parse(["--nope"]);
        Assert.Equal(parse.Errors[0].Message, ParseErrorText.For(parse.Errors[0]));
    }
}
