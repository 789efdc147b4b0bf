namespace TinyTorch.Tests.Kernels;

/// <summary>
/// Tests that change the process-wide <see cref="TinyTorch.Kernels.KernelOptions.MaxDegreeOfParallelism"/>
/// run one at a time, so none sees another's setting.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KernelOptionsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "KernelOptions";
}
