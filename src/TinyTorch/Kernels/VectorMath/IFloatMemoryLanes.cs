namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// Moving float lanes between memory and registers, and their exact element-wise maximum: the parts of a kernel
/// over <see cref="IFloatLanes{TV}"/> that touch memory, for one value (<see cref="FloatMemoryScalarLanes"/>) or a
/// vector of 4, 8 or 16 (<see cref="FloatMemoryLanes128"/>, <see cref="FloatMemoryLanes256"/>,
/// <see cref="FloatMemoryLanes512"/>).
/// </summary>
/// <typeparam name="TV">float, or a vector of floats.</typeparam>
internal unsafe interface IFloatMemoryLanes<TV>
    where TV : struct
{
    /// <summary>Floats per TV.</summary>
    static abstract int Count { get; }

    /// <summary>Reads <see cref="Count"/> floats from <paramref name="source"/> (no alignment needed).</summary>
    static abstract TV Load(float* source);

    /// <summary>Writes <see cref="Count"/> floats to <paramref name="destination"/> (no alignment needed).</summary>
    static abstract void Store(TV value, float* destination);

    /// <summary>
    /// The larger of a and b per lane, exactly where neither is NaN. NOTE: where one is NaN the result is one of the
    /// two, unspecified (maxps returns its second operand): callers must catch NaN some other way.
    /// </summary>
    static abstract TV Max(TV a, TV b);

    /// <summary>The largest lane, exactly where no lane is NaN (with a NaN, unspecified as for <see cref="Max"/>).</summary>
    static abstract float MaxAcross(TV v);
}
