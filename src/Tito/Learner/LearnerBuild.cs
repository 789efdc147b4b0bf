using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;

namespace Tito.Learner;

/// <summary>
/// Compiles a learner's copy of the readable layer (the files <c>tito module start</c> wrote) into an assembly
/// with the .NET SDK, and loads it so the same checks can run against it.
/// </summary>
internal static class LearnerBuild
{
    /// <summary>Builds <paramref name="workspace"/> and loads the result; a compile error is a <see cref="LearnerBuildException"/>.</summary>
    public static Assembly Compile(string workspace)
    {
        if (!Directory.Exists(workspace) || Directory.GetFiles(workspace, "*.cs").Length == 0)
        {
            throw new UserErrorException($"no learner copy in {workspace}; make one with 'tito module start 02'.");
        }

        // The project lives in the temp folder, away from the repository's Directory.Build.props (warnings as
        // errors, XML docs required): a learner's work in progress should fail only on real compile errors.
        string id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(workspace)))[..16];
        string folder = Path.Combine(Path.GetTempPath(), "tito-learner", id);
        string output = Path.Combine(folder, "out");
        Directory.CreateDirectory(folder);
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
                <Compile Include="{Path.Combine(Path.GetFullPath(workspace), "*.cs")}" />
              </ItemGroup>
            </Project>
            """);

        (int code, string log) = RunDotnet(["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet",
            // NOTE: no build server or node may outlive tito: they would keep running in the background.
            "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        if (code != 0)
        {
            string[] errors = [.. log.Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct()];
            throw new LearnerBuildException(errors.Length > 0 ? errors : [log.Trim()]);
        }

        // A fresh, collectible context per build: the same assembly name may be loaded again after the learner edits.
        var context = new AssemblyLoadContext($"learner-{Guid.NewGuid():N}", isCollectible: true);
        using var stream = File.OpenRead(Path.Combine(output, "LearnerActivations.dll"));
        return context.LoadFromStream(stream);
    }

    private static (int Code, string Log) RunDotnet(string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
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
