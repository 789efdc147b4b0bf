using System.Runtime.Intrinsics;
using TinyTorch.Kernels.VectorMath;

namespace TinyTorch.Kernels;

/// <summary>
/// One element-wise function of two inputs, z = f(a, b): the shape of every backward pass, where
/// a is what the forward saved (its input or output) and b is the incoming gradient dL/dy.
/// </summary>
internal interface IBinaryOperator
{
    /// <summary>Whether the vector bodies are real SIMD code. When false, the loop stays scalar.</summary>
    static virtual bool Vectorizable => false;

    /// <summary>Whether the shared loop unrolls this operator; false for heavy bodies (see <see cref="IUnaryOperator.Unroll"/>).</summary>
    static virtual bool Unroll => true;

    /// <summary>f of one pair.</summary>
    float Invoke(float a, float b);

    /// <summary>f of 4 pairs.</summary>
    Vector128<float> Invoke(Vector128<float> a, Vector128<float> b) => throw new NotSupportedException();

    /// <summary>f of 8 pairs.</summary>
    Vector256<float> Invoke(Vector256<float> a, Vector256<float> b) => throw new NotSupportedException();

    /// <summary>f of 16 pairs.</summary>
    Vector512<float> Invoke(Vector512<float> a, Vector512<float> b) => throw new NotSupportedException();

    /// <summary>Whether the heavy loop runs this operator two AVX-512 vectors at a time, as <see cref="IUnaryOperator.Paired"/>.</summary>
    static virtual bool Paired => false;

    /// <summary>f of 32 pairs, as two AVX-512 vectors of each input computed side by side; only called when <see cref="Paired"/>.</summary>
    Vector512Pair Invoke(Vector512Pair a, Vector512Pair b) => throw new NotSupportedException();
}
