using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TinyTorch.Benchmarks;

/// <summary>The one configuration every benchmark runs under.</summary>
internal static class BenchmarkConfig
{
    /// <summary>
    /// Builds the configuration: the full job for the published numbers, the quick job for a pass over
    /// everything, the smoke job (one invocation per case) to check that every case runs.
    /// </summary>
    /// <param name="profile">full, quick or smoke.</param>
    /// <returns>The configuration.</returns>
    public static IConfig Create(string profile)
    {
        // NOTE: BenchmarkDotNet 0.14.0 does not know the net10.0 moniker, so its default toolchain (generate a
        // project, build it, run it in a child process) fails here. The in-process emit toolchain runs the
        // benchmarks inside this process instead, which is fine for code that has no static state to reset
        // between cases except KernelOptions, which every benchmark sets in its own setup.
        Job job = profile switch
        {
            "full" => Job.Default.WithId("Full").WithWarmupCount(6).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)),
            "quick" => Job.Default.WithId("Quick").WithWarmupCount(3).WithIterationCount(7).WithIterationTime(TimeInterval.FromMilliseconds(120)),
            "smoke" => Job.Dry.WithId("Smoke"),
            _ => throw new ArgumentException($"Unknown profile '{profile}'; expected full, quick or smoke.", nameof(profile)),
        };

        return DefaultConfig.Instance
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, NsPerElementColumn.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
