using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>A function of two values computed in double lanes, once per width (see <see cref="IDoubleUnaryFunction"/>).</summary>
internal interface IDoubleBinaryFunction
{
    /// <summary>f(a, b) for one pair.</summary>
    static abstract double Compute(double a, double b);

    /// <summary>f(a, b) for 2 pairs.</summary>
    static abstract Vector128<double> Compute(Vector128<double> a, Vector128<double> b);

    /// <summary>f(a, b) for 4 pairs.</summary>
    static abstract Vector256<double> Compute(Vector256<double> a, Vector256<double> b);

    /// <summary>f(a, b) for 8 pairs.</summary>
    static abstract Vector512<double> Compute(Vector512<double> a, Vector512<double> b);
}
