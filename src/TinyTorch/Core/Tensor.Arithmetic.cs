using System.Numerics;
using System.Runtime.InteropServices;

namespace TinyTorch.Core;

// Element-wise arithmetic with NumPy broadcasting (see Broadcasting for the rule). Every operation returns
// a new tensor and leaves its operands unchanged; a float operand acts as a 0-d tensor.
public sealed partial class Tensor
{
    /// <summary>Element-wise sum with broadcasting.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator +(Tensor left, Tensor right) => Broadcasting.Apply<AddOperator>(left, right);

    /// <summary>Adds <paramref name="right"/> to every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    /// <returns>A new tensor of <paramref name="left"/>'s shape.</returns>
    public static Tensor operator +(Tensor left, float right) => Broadcasting.Apply<AddOperator>(left, Scalar(right));

    /// <summary>Adds <paramref name="left"/> to every element.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor of <paramref name="right"/>'s shape.</returns>
    public static Tensor operator +(float left, Tensor right) => Broadcasting.Apply<AddOperator>(Scalar(left), right);

    /// <summary>Element-wise difference with broadcasting.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator -(Tensor left, Tensor right) => Broadcasting.Apply<SubtractOperator>(left, right);

    /// <summary>Subtracts <paramref name="right"/> from every element.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    /// <returns>A new tensor of <paramref name="left"/>'s shape.</returns>
    public static Tensor operator -(Tensor left, float right) => Broadcasting.Apply<SubtractOperator>(left, Scalar(right));

    /// <summary>Subtracts every element from <paramref name="left"/>.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor of <paramref name="right"/>'s shape.</returns>
    public static Tensor operator -(float left, Tensor right) => Broadcasting.Apply<SubtractOperator>(Scalar(left), right);

    /// <summary>Element-wise product with broadcasting (not the matrix product: see <see cref="MatMul"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator *(Tensor left, Tensor right) => Broadcasting.Apply<MultiplyOperator>(left, right);

    /// <summary>Multiplies every element by <paramref name="right"/>.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar.</param>
    /// <returns>A new tensor of <paramref name="left"/>'s shape.</returns>
    public static Tensor operator *(Tensor left, float right) => Broadcasting.Apply<MultiplyOperator>(left, Scalar(right));

    /// <summary>Multiplies every element by <paramref name="left"/>.</summary>
    /// <param name="left">The scalar.</param>
    /// <param name="right">The tensor.</param>
    /// <returns>A new tensor of <paramref name="right"/>'s shape.</returns>
    public static Tensor operator *(float left, Tensor right) => Broadcasting.Apply<MultiplyOperator>(Scalar(left), right);

    /// <summary>Element-wise quotient with broadcasting; division by zero gives ±∞ or NaN, as IEEE 754 says.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator /(Tensor left, Tensor right) => Broadcasting.Apply<DivideOperator>(left, right);

    /// <summary>Divides every element by <paramref name="right"/>.</summary>
    /// <param name="left">The tensor.</param>
    /// <param name="right">The scalar divisor.</param>
    /// <returns>A new tensor of <paramref name="left"/>'s shape.</returns>
    public static Tensor operator /(Tensor left, float right) => Broadcasting.Apply<DivideOperator>(left, Scalar(right));

    /// <summary>Divides <paramref name="left"/> by every element.</summary>
    /// <param name="left">The scalar dividend.</param>
    /// <param name="right">The tensor of divisors.</param>
    /// <returns>A new tensor of <paramref name="right"/>'s shape.</returns>
    public static Tensor operator /(float left, Tensor right) => Broadcasting.Apply<DivideOperator>(Scalar(left), right);

    /// <summary>Element-wise negation (0 becomes −0, as in IEEE 754 and NumPy).</summary>
    /// <param name="value">The tensor.</param>
    /// <returns>A new tensor of the same shape.</returns>
    public static Tensor operator -(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Tensor z = Uninitialized(value._shape);
        ref float x = ref MemoryMarshal.GetArrayDataReference(value._data);
        ref float y = ref MemoryMarshal.GetArrayDataReference(z._data);
        int n = value._data.Length, i = 0;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            (-Vector.LoadUnsafe(ref x, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
        }

        for (; i < n; i++)
        {
            z._data[i] = -value._data[i];
        }

        return z;
    }

    /// <summary>The same as <c>this + other</c>, for languages without operators.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public Tensor Add(Tensor other) => this + other;

    /// <summary>The same as <c>this + other</c>.</summary>
    /// <param name="other">The scalar.</param>
    /// <returns>A new tensor of this shape.</returns>
    public Tensor Add(float other) => this + other;

    /// <summary>The same as <c>this - other</c>, for languages without operators.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public Tensor Subtract(Tensor other) => this - other;

    /// <summary>The same as <c>this - other</c>.</summary>
    /// <param name="other">The scalar.</param>
    /// <returns>A new tensor of this shape.</returns>
    public Tensor Subtract(float other) => this - other;

    /// <summary>The same as <c>this * other</c> (element-wise), for languages without operators.</summary>
    /// <param name="other">The right operand.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public Tensor Multiply(Tensor other) => this * other;

    /// <summary>The same as <c>this * other</c>.</summary>
    /// <param name="other">The scalar.</param>
    /// <returns>A new tensor of this shape.</returns>
    public Tensor Multiply(float other) => this * other;

    /// <summary>The same as <c>this / other</c>, for languages without operators.</summary>
    /// <param name="other">The divisor.</param>
    /// <returns>A new tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public Tensor Divide(Tensor other) => this / other;

    /// <summary>The same as <c>this / other</c>.</summary>
    /// <param name="other">The scalar divisor.</param>
    /// <returns>A new tensor of this shape.</returns>
    public Tensor Divide(float other) => this / other;

    /// <summary>The same as <c>-this</c>.</summary>
    /// <returns>A new tensor of this shape.</returns>
    public Tensor Negate() => -this;
}
