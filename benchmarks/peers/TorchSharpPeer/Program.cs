using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TorchSharpPeer;

// Every element-wise activation of our catalog against TorchSharp 0.107 (libtorch 2.10), in one process, side by side:
// dotnet run -c Release -- --filter '*'   (BenchmarkDotNet's own arguments; --quick for the short job)
if (args is ["--min" or "--min-backward", ..])
{
    // A tuning probe for a busy machine (MinTimeProbe.cs): fastest of many rounds, ours and TorchSharp's.
    MinTimeProbe.Run(args.Length > 1 ? int.Parse(args[1]) : 60, backward: args[0] == "--min-backward");
    return;
}

if (args is ["--peer-accuracy"])
{
    // What libtorch's speed buys where it is ahead (PeerAccuracy.cs): its results and ours against float64, in ULPs.
    PeerAccuracy.Run();
    return;
}

if (args is ["--min-dim", ..])
{
    // The along-a-dim family (LogSoftmax, the gated units) as a fastest-of-N probe (DimProbe.cs), forward and backward.
    DimProbe.Run(args.Length > 1 ? int.Parse(args[1]) : 30);
    return;
}

if (args is ["--min-scoped" or "--min-train", ..])
{
    // Issue 13's targets as fastest-of-N probes (ScopedProbe.cs): scoped Forward, and the training step.
    int rounds = args.Length > 1 ? int.Parse(args[1]) : 30;
    if (args[0] == "--min-scoped")
    {
        ScopedProbe.Forward(rounds);
    }
    else
    {
        ScopedProbe.Train(rounds);
    }

    return;
}

bool quick = args.Contains("--quick");
IConfig config = DefaultConfig.Instance
    // The quick job: 3 warm-ups and 3 measured iterations of 100 ms each per case (a few hundred cases in all).
    .AddJob((quick ? Job.ShortRun.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)) : Job.Default)
        .WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(FamilyVsTorchSharp).Assembly).Run([.. args.Where(a => a != "--quick")], config);
