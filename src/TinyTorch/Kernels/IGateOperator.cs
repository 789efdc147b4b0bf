using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// A gated linear unit y = a·f(b) over float lanes, written once for every width (<see cref="IFloatLanes{TV}"/>):
/// <see cref="GateLoop"/> owns the loops, the halves and the threads; an operator says only what happens to one lane.
/// </summary>
/// <remarks>Every width runs the same float operations, so the scalar lanes and every vector width agree bit for bit.</remarks>
internal interface IGateOperator
{
    /// <summary>a·f(b).</summary>
    /// <param name="a">The first half's values (the value path).</param>
    /// <param name="b">The second half's values (the gate).</param>
    static abstract TV Forward<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IFloatLanes<TV>;

    /// <summary>dL/da = g·f(b), returned, and dL/db = g·a·f′(b), in <paramref name="gradB"/>.</summary>
    /// <param name="a">The forward's first half.</param>
    /// <param name="b">The forward's second half.</param>
    /// <param name="g">dL/dy.</param>
    /// <param name="gradB">Receives dL/db.</param>
    static abstract TV Backward<TV, TL>(TV a, TV b, TV g, out TV gradB)
        where TV : struct
        where TL : IFloatLanes<TV>;
}
