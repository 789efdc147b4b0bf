using BenchmarkDotNet.Running;
using TinyTorch.Benchmarks;

// `--quick` picks the short job (a full run in about a quarter of an hour on 2 cores); every other
// argument is BenchmarkDotNet's own, so `--filter '*ReLU*'` and `--list flat` work as usual.
bool quick = args.Contains("--quick");
string[] rest = [.. args.Where(a => a != "--quick")];
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(rest, BenchmarkConfig.Create(quick));
