using System.Runtime.CompilerServices;

namespace TinyTorch.Kernels.VectorMath;

/// <summary>Error-free transformations on float lanes: a sum split exactly into its rounded value and the rest.</summary>
internal static class FloatPairs
{
    /// <summary>
    /// a + b = result + <paramref name="error"/> exactly (Knuth's TwoSum, TAOCP vol. 2 §4.2.2): six additions and no
    /// condition on which operand is larger, unlike Fast2Sum. |error| ≤ ½ ULP of the result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TwoSum<TV, TL>(TV a, TV b, out TV error)
        where TV : struct
        where TL : IFloatLanes<TV>
    {
        TV sum = TL.Add(a, b);
        TV bPart = TL.Subtract(sum, a);
        TV aPart = TL.Subtract(sum, bPart);
        error = TL.Add(TL.Subtract(a, aPart), TL.Subtract(b, bPart));
        return sum;
    }
}
