using System.Numerics;
using System.Runtime.InteropServices;

namespace TinyTorch.Core;

/// <summary>
/// The three contiguous loops every broadcast reduces to: both operands advance, or one of them is a
/// single value held still (stride 0). Each runs <see cref="Vector{T}"/>-wide, then finishes with scalars.
/// </summary>
internal static class ArithmeticLoops
{
    /// <summary>z[i] = a[i] ∘ b[i].</summary>
    public static void Both<TOp>(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : IArithmeticOperator
    {
        ref float ar = ref MemoryMarshal.GetReference(a);
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float zr = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                TOp.Invoke(Vector.LoadUnsafe(ref ar, (nuint)i), Vector.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            z[i] = TOp.Invoke(a[i], b[i]);
        }
    }

    /// <summary>z[i] = a ∘ b[i].</summary>
    public static void LeftFixed<TOp>(float a, ReadOnlySpan<float> b, Span<float> z)
        where TOp : IArithmeticOperator
    {
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float zr = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var av = new Vector<float>(a);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                TOp.Invoke(av, Vector.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref zr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            z[i] = TOp.Invoke(a, b[i]);
        }
    }

    /// <summary>z[i] = a[i] ∘ b.</summary>
    public static void RightFixed<TOp>(ReadOnlySpan<float> a, float b, Span<float> z)
        where TOp : IArithmeticOperator
    {
        ref float ar = ref MemoryMarshal.GetReference(a);
        ref float zr = ref MemoryMarshal.GetReference(z);
        int n = z.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var bv = new Vector<float>(b);
            for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
            {
                TOp.Invoke(Vector.LoadUnsafe(ref ar, (nuint)i), bv).StoreUnsafe(ref zr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            z[i] = TOp.Invoke(a[i], b);
        }
    }
}
