namespace TinyTorch.Kernels.VectorMath;

/// <summary>A function of two values computed in double lanes, once per width (the exact GELU's backward).</summary>
/// <remarks>
/// NOTE: implementations forward each width's member to one generic algorithm over <see cref="IDoubleLanes{TV}"/>;
/// the static abstract member lets the JIT devirtualize it per width (a dictionary lookup per call cost ~5 ns per element).
/// </remarks>
internal interface IDoubleBinaryFunction
{
    /// <summary>The function on one register of double lanes (or one double), through the lane operations of <typeparamref name="TL"/>.</summary>
    static abstract TV Compute<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IDoubleLanes<TV>;
}
