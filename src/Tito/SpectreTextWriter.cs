using System.Text;
using Spectre.Console;

namespace Tito;

/// <summary>
/// A <see cref="TextWriter"/> over an <see cref="IAnsiConsole"/>, so that System.CommandLine's help and version
/// text reach the same (possibly captured) output as everything else. Text is written verbatim, not as markup.
/// </summary>
internal sealed class SpectreTextWriter(IAnsiConsole console) : TextWriter
{
    /// <inheritdoc/>
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc/>
    public override void Write(char value) => console.Write(new Text(value.ToString()));

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            console.Write(new Text(value));
        }
    }

    /// <inheritdoc/>
    public override void WriteLine(string? value)
    {
        Write(value);
        console.WriteLine();
    }

    /// <inheritdoc/>
    public override void WriteLine() => console.WriteLine();
}
