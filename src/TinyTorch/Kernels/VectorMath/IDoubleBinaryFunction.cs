namespace TinyTorch.Kernels.VectorMath;

/// <summary>A function of two values computed in double lanes, once per width (see <see cref="IDoubleUnaryFunction"/>).</summary>
internal interface IDoubleBinaryFunction
{
    /// <summary>The function on one register of double lanes (or one double), through the lane operations of <typeparamref name="TL"/>.</summary>
    static abstract TV Compute<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : IDoubleLanes<TV>;
}
