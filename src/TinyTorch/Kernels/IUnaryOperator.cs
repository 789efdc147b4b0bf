using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// One element-wise function y = f(x), written once per register width. <see cref="ElementwiseLoop"/>
/// owns every loop; an operator only says what happens to one value or one vector of values.
/// </summary>
internal interface IUnaryOperator
{
    /// <summary>Whether the vector bodies are real SIMD code. When false, the loop stays scalar.</summary>
    static virtual bool Vectorizable => false;

    /// <summary>
    /// Whether the shared loop unrolls this operator four times. True for light bodies (ReLU: a max), where loop
    /// overhead matters. Heavy bodies (an exp, a division, float pairs: dozens of live temporaries) say false and run
    /// one vector at a time with the body inlined exactly once (ElementwiseLoop.Heavy.cs says why): four inlined
    /// copies would overflow the 16 registers of AVX2 and the JIT's inlining budget, and the out-of-order core
    /// overlaps consecutive iterations of a one-vector loop anyway.
    /// </summary>
    static virtual bool Unroll => true;

    /// <summary>f of one value.</summary>
    float Invoke(float x);

    /// <summary>f of 4 values (SSE / NEON).</summary>
    Vector128<float> Invoke(Vector128<float> x) => throw new NotSupportedException();

    /// <summary>f of 8 values (AVX2).</summary>
    Vector256<float> Invoke(Vector256<float> x) => throw new NotSupportedException();

    /// <summary>f of 16 values (AVX-512).</summary>
    Vector512<float> Invoke(Vector512<float> x) => throw new NotSupportedException();

    /// <summary>
    /// Whether the heavy loop should run this operator two AVX-512 vectors at a time through
    /// <see cref="Invoke(Vector512Pair)"/> (same bits, instructions of the two interleaved: ElementwiseLoop.Heavy.cs).
    /// </summary>
    static virtual bool Paired => false;

    /// <summary>f of 32 values, as two AVX-512 vectors computed side by side; only called when <see cref="Paired"/>.</summary>
    Vector512Pair Invoke(Vector512Pair x) => throw new NotSupportedException();
}
