using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>
/// Runs a double-lane function of two floats: widen (exact), compute, narrow (one rounding to nearest).
/// </summary>
/// <remarks>
/// Why double lanes: every float32 input is exact in double, products such as 1.702·x or x³ and differences
/// such as x − max lose nothing that matters, and the core functions carry ~1e−9 relative error, so the
/// single final rounding puts each result within 0.5 ULP + 0.02 ULP of the true value. Float arithmetic would
/// need error-compensated steps at every stage to reach the same bounds. The price is two conversions and
/// half the lanes per instruction.
/// The scalar form runs the same operations on one double, so every width agrees bit for bit.
/// </remarks>
internal static class FloatViaDouble
{
    // NOTE: the vector forms are NoInlining on purpose. Their one user left, the exact GELU's backward, runs in the
    // unrolled binary loop, where inlined copies of a double-lane body (~40 live constants and temporaries) spilled
    // registers and ran 1.6–2× slower than as a call on AVX2. The other functions moved to float lanes and the
    // heavy loop (ElementwiseLoop.Heavy.cs), where one inlined copy is the fast way; this one would follow the same way.
    // A method that is not inlined starts in tier 0 (unoptimized), and a large call spends its first hundreds of
    // milliseconds there before tiering promotes it: AggressiveOptimization compiles it optimized at once.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Apply<TF>(float a, float b)
        where TF : IDoubleBinaryFunction =>
        (float)TF.Compute<double, ScalarLanes>(a, b);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector128<float> Apply<TF>(Vector128<float> a, Vector128<float> b)
        where TF : IDoubleBinaryFunction
    {
        (Vector128<double> alo, Vector128<double> ahi) = Vector128.Widen(a);
        (Vector128<double> blo, Vector128<double> bhi) = Vector128.Widen(b);
        return Vector128.Narrow(TF.Compute<Vector128<double>, Lanes128>(alo, blo), TF.Compute<Vector128<double>, Lanes128>(ahi, bhi));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector256<float> Apply<TF>(Vector256<float> a, Vector256<float> b)
        where TF : IDoubleBinaryFunction
    {
        (Vector256<double> alo, Vector256<double> ahi) = Vector256.Widen(a);
        (Vector256<double> blo, Vector256<double> bhi) = Vector256.Widen(b);
        return Vector256.Narrow(TF.Compute<Vector256<double>, Lanes256>(alo, blo), TF.Compute<Vector256<double>, Lanes256>(ahi, bhi));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static Vector512<float> Apply<TF>(Vector512<float> a, Vector512<float> b)
        where TF : IDoubleBinaryFunction
    {
        (Vector512<double> alo, Vector512<double> ahi) = Vector512.Widen(a);
        (Vector512<double> blo, Vector512<double> bhi) = Vector512.Widen(b);
        return Vector512.Narrow(TF.Compute<Vector512<double>, Lanes512>(alo, blo), TF.Compute<Vector512<double>, Lanes512>(ahi, bhi));
    }
}
