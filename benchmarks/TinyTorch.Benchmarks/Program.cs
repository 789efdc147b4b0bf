using BenchmarkDotNet.Running;
using TinyTorch.Benchmarks;
using TinyTorch.Benchmarks.Experiments;

// `--probe store|threshold [n,n,...]` runs the interleaved A/B experiments of docs/performance.md.
// Otherwise `--quick` picks the short job (every case in about 20 minutes on 2 cores), `--smoke` runs each
// case once (does everything run?), and the default is the full job. Every other argument is
// BenchmarkDotNet's own, so `--filter '*ReLU*'` and `--list flat` work as usual.
if (args is ["--probe", string suite, ..])
{
    ProbeSuites.Run(suite, args.Length > 2 ? [.. args[2].Split(',').Select(int.Parse)] : null);
    return;
}

string profile = args.Contains("--quick") ? "quick" : args.Contains("--smoke") ? "smoke" : "full";
string[] rest = [.. args.Where(a => a is not ("--quick" or "--smoke"))];
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(rest, BenchmarkConfig.Create(profile));
