using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Tito.Learner;

/// <summary>
/// Compiles a learner's copy of the readable layer (the files <c>tito module start</c> wrote) into an assembly with
/// the .NET SDK, in a private build folder. Nothing here loads or runs the learner's code: <see cref="LearnerWorker"/>
/// does that in a child process.
/// </summary>
internal static class LearnerBuild
{
    /// <summary>The compiled assembly's file name.</summary>
    public const string AssemblyFile = "LearnerActivations.dll";

    /// <summary>
    /// Builds <paramref name="workspace"/> in a folder of <paramref name="buildRoot"/> and returns the path of the
    /// assembly; a compile error is a <see cref="LearnerBuildException"/>.
    /// </summary>
    public static string Compile(string workspace, PrivateBuildFolder buildRoot)
    {
        if (!Directory.Exists(workspace) || Directory.GetFiles(workspace, "*.cs").Length == 0)
        {
            throw new UserErrorException($"no learner copy in {workspace}; make one with 'tito module start 02'.");
        }

        // One folder per workspace, so grading the same copy again is an incremental build.
        string id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(workspace))))[..16];
        string folder = buildRoot.Claim(id);
        string output = Path.Combine(folder, "out");
        string project = Path.Combine(folder, "LearnerActivations.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <AssemblyName>LearnerActivations</AssemblyName>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{Path.Combine(Path.GetFullPath(workspace), "**", "*.cs")}" />
              </ItemGroup>
            </Project>
            """);

        (int code, string log) = RunDotnet(["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet",
            // NOTE: no build server or node may outlive tito: they would keep running in the background.
            "-nodeReuse:false", "-p:UseSharedCompilation=false",
            // NOTE: MSBuild imports Directory.Build.props/.targets and Directory.Packages.props from every folder
            // above the project. Whoever can write one of those folders could run code as the learner, and the
            // repository's own (warnings as errors, XML docs required) would fail a learner's work in progress.
            // The switches must come from the command line: the SDK reads them before the project's own properties.
            "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false",
            "-p:ImportDirectoryPackagesProps=false"]);
        if (code != 0)
        {
            string[] errors = [.. log.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct()];
            throw new LearnerBuildException(errors.Length > 0 ? errors : [log.Trim()]);
        }

        return Path.Combine(output, AssemblyFile);
    }

    private static (int Code, string Log) RunDotnet(string[] args)
    {
        string dotnet = DotnetHost.Path;
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using Process process = Process.Start(info)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new UserErrorException($"cannot run the .NET SDK ('{dotnet}') to build your copy: {e.Message}");
        }
    }
}
