using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>A function of one value computed in double lanes, once per width.</summary>
/// <remarks>
/// NOTE: one non-generic member per width rather than one generic Compute&lt;TV, TL&gt;: the JIT does not
/// devirtualize generic static virtual methods, and the dictionary lookup per call cost ~5 ns per element.
/// Implementations forward each member to one generic algorithm over <see cref="IDoubleLanes{TV}"/>.
/// </remarks>
internal interface IDoubleUnaryFunction
{
    /// <summary>f(x) for one double.</summary>
    static abstract double Compute(double x);

    /// <summary>f(x) for 2 doubles.</summary>
    static abstract Vector128<double> Compute(Vector128<double> x);

    /// <summary>f(x) for 4 doubles.</summary>
    static abstract Vector256<double> Compute(Vector256<double> x);

    /// <summary>f(x) for 8 doubles.</summary>
    static abstract Vector512<double> Compute(Vector512<double> x);
}
