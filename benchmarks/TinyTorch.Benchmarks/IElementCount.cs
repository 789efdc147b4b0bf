namespace TinyTorch.Benchmarks;

/// <summary>A benchmark parameter that knows how many elements one invocation processes.</summary>
public interface IElementCount
{
    /// <summary>The number of elements one invocation reads (and writes).</summary>
    long Elements { get; }
}
