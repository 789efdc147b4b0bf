namespace TinyTorch.Kernels;

/// <summary>
/// One register width (128, 256 or 512 bits) seen through a common face, so that
/// <see cref="ElementwiseLoop"/> is written once and the JIT specializes it per width: every member is
/// static on a struct, so each call inlines to the width's own instruction.
/// </summary>
/// <typeparam name="TVec">The vector type of this width.</typeparam>
internal interface ISimdWidth<TVec>
    where TVec : struct
{
    /// <summary>Whether this CPU runs the width in hardware.</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Reads <see cref="Count"/> floats starting <paramref name="offset"/> elements after <paramref name="source"/>.</summary>
    static abstract TVec Load(ref readonly float source, nuint offset);

    /// <summary>Writes <paramref name="value"/> starting <paramref name="offset"/> elements after <paramref name="destination"/>.</summary>
    static abstract void Store(TVec value, ref float destination, nuint offset);

    /// <summary>Whether <see cref="StoreNonTemporal"/> is a real streaming store on this CPU.</summary>
    static abstract bool CanStoreNonTemporal { get; }

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="destination"/>, which must be aligned to the vector size,
    /// bypassing the caches (a streaming store). Weakly ordered: the writer fences before publishing.
    /// </summary>
    static abstract unsafe void StoreNonTemporal(TVec value, float* destination);

    /// <summary>Applies a unary operator's body for this width.</summary>
    static abstract TVec Apply<TOp>(in TOp op, TVec x)
        where TOp : struct, IUnaryOperator;

    /// <summary>Applies a binary operator's body for this width.</summary>
    static abstract TVec Apply<TOp>(in TOp op, TVec a, TVec b)
        where TOp : struct, IBinaryOperator;
}
