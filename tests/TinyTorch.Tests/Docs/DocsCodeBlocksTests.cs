using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TinyTorch.Core;

namespace TinyTorch.Tests.Docs;

/// <summary>
/// Every C# block of README.md, the package READMEs and docs/*.md compiles as a reader would paste it into a new
/// console app (<c>dotnet new console</c>, then <c>dotnet add package TinyTorch</c>): top-level statements, that
/// template's implicit usings and nullable context, and references to the framework and the library alone. A block
/// declares the namespaces it uses. A deliberate fragment opts out with <c>&lt;!-- not compiled: reason --&gt;</c> on
/// the line above its fence.
/// </summary>
public class DocsCodeBlocksTests
{
    // What Microsoft.NET.Sdk's ImplicitUsings gives a console app.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(References);

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (MarkdownCodeBlock block in AllBlocks())
        {
            data.Add(block.File, block.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Block_Compiles(string file, int line)
    {
        MarkdownCodeBlock block = AllBlocks().Single(b => b.File == file && b.Line == line);
        if (block.OptOut is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(block.OptOut), $"{block}: an opt-out must say why the block is a fragment.");
            return;
        }

        string[] errors = Compile(block.Code);

        Assert.True(errors.Length == 0, $"{block} does not compile:\n{string.Join('\n', errors)}\n--- the block ---\n{block.Code}");
    }

    [Fact]
    public void TheReadmeTour_AndThePackageReadme_AreAmongTheCompiledBlocks()
    {
        MarkdownCodeBlock[] blocks = [.. AllBlocks()];

        Assert.Contains(blocks, b => b.File == "README.md" && b.OptOut is null && b.Code.Contains("ActivationKernels.Sigmoid", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.File == "src/TinyTorch/PACKAGE.md" && b.OptOut is null);
        Assert.True(blocks.Count(b => b.OptOut is null) >= 4, $"only {blocks.Length} C# blocks found");
    }

    [Fact]
    public void Compile_ReportsWhatABrokenBlockGetsWrong()
    {
        // The check itself: an undeclared name, a missing using and a type error are each reported.
        Assert.Contains(Compile("Tensor t = Tensor.Zeros(2);"), e => e.Contains("CS0246", StringComparison.Ordinal));
        Assert.Contains(Compile("using TinyTorch.Core;\nTinyTorch.Kernels.ActivationKernels.Sigmoid(source, destination);"),
            e => e.Contains("CS0103", StringComparison.Ordinal) && e.Contains("source", StringComparison.Ordinal));
        Assert.Contains(Compile("using TinyTorch.Core;\nint n = new ReLU();"), e => e.Contains("CS0029", StringComparison.Ordinal));
        Assert.Empty(Compile("using TinyTorch.Core;\nConsole.WriteLine(new ReLU().Forward(Tensor.Zeros(2)));"));
        Assert.Empty(Compile("namespace Mine;\npublic sealed class OnlyATypeDeclaration { }"));
    }

    [Fact]
    public void PackageReadmes_StartWithTheInstallLines_AndLinkNothingInTheRepository()
    {
        string root = RepositoryRoot();
        foreach (string file in new[] { "src/TinyTorch/PACKAGE.md", "src/Tito/PACKAGE.md" })
        {
            string text = File.ReadAllText(Path.Combine(root, file));
            string firstBlock = text[text.IndexOf("```", StringComparison.Ordinal)..];
            firstBlock = firstBlock[..firstBlock.IndexOf("```", 3, StringComparison.Ordinal)];
            Assert.Contains("dotnet add package TinyTorch", firstBlock);
            Assert.Contains("dotnet tool install -g TinyTorch.Tito", firstBlock);
            // A Markdown link or image whose target is not an absolute URL would be broken on a package page.
            Assert.DoesNotMatch(@"\]\((?!https?://)[^)]*\)", text);
        }
    }

    /// <summary>The compiler's errors for <paramref name="code"/> as a console app's Program.cs, one line each.</summary>
    private static string[] Compile(string code)
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp14);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "DocsBlock",
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(code, options, "Program.cs")],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            // A block that only declares types has no entry point; pasted beside a Program.cs, it needs none.
            .Where(d => d.Id != "CS5001")
            .Select(d => d.ToString())];
    }

    /// <summary>The shared framework's assemblies, the library and whatever the library itself references.</summary>
    private static MetadataReference[] References()
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        Assembly library = typeof(Tensor).Assembly;
        IEnumerable<string> dependencies = library.GetReferencedAssemblies()
            .Select(Assembly.Load)
            .Select(a => a.Location)
            .Where(l => Path.GetDirectoryName(l) != framework);
        return [.. Directory.GetFiles(framework, "*.dll")
            .Where(f => IsManaged(f))
            .Append(library.Location)
            .Concat(dependencies)
            .Distinct()
            .Select(f => MetadataReference.CreateFromFile(f))];
    }

    private static bool IsManaged(string file)
    {
        try
        {
            _ = AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static IEnumerable<MarkdownCodeBlock> AllBlocks()
    {
        string root = RepositoryRoot();
        return MarkdownCodeBlock.DocumentedFiles(root).SelectMany(f => MarkdownCodeBlock.Read(root, f));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TinyTorch.slnx")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("TinyTorch.slnx not found above the test assembly.");
    }
}
