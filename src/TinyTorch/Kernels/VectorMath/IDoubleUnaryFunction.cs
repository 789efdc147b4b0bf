namespace TinyTorch.Kernels.VectorMath;

/// <summary>A function of one value computed in double lanes, once per width.</summary>
/// <remarks>
/// NOTE: one non-generic member per width rather than one generic Compute&lt;TV, TL&gt;: the JIT does not
/// devirtualize generic static virtual methods, and the dictionary lookup per call cost ~5 ns per element.
/// Implementations forward each member to one generic algorithm over <see cref="IDoubleLanes{TV}"/>.
/// </remarks>
internal interface IDoubleUnaryFunction
{
    /// <summary>The function on one register of double lanes (or one double), through the lane operations of <typeparamref name="TL"/>.</summary>
    static abstract TV Compute<TV, TL>(TV x)
        where TV : struct
        where TL : IDoubleLanes<TV>;
}
