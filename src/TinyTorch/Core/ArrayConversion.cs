using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TinyTorch.Core;

/// <summary>Converts .NET arrays of any rank and numeric element type to flat float32 storage.</summary>
internal static class ArrayConversion
{
    /// <summary>Copies <paramref name="data"/> in row-major order (the order a multi-dimensional .NET
    /// array is stored in), converting each element to <see cref="float"/>.</summary>
    /// <remarks>
    /// NOTE: a multi-dimensional array (float[,], double[,,]) enumerates only through the non-generic IEnumerable,
    /// which boxes every element: 16M elements once allocated 427 MiB of boxes beside the 64 MiB output. Instead the
    /// array's storage is viewed as one row-major span of its element type (any rank: a .NET array keeps its elements
    /// contiguous, last index fastest), and each element type gets a typed loop, so nothing but the output is allocated.
    /// </remarks>
    public static float[] ToFloat32(Array data)
    {
        Type? element = data.GetType().GetElementType();
        return element switch
        {
            _ when element == typeof(float) => Convert<float>(data),
            _ when element == typeof(double) => Convert<double>(data),
            _ when element == typeof(int) => Convert<int>(data),
            _ when element == typeof(long) => Convert<long>(data),
            _ when element == typeof(short) => Convert<short>(data),
            _ when element == typeof(byte) => Convert<byte>(data),
            _ when element == typeof(sbyte) => Convert<sbyte>(data),
            _ when element == typeof(uint) => Convert<uint>(data),
            _ when element == typeof(ushort) => Convert<ushort>(data),
            _ when element == typeof(ulong) => Convert<ulong>(data),
            _ when element == typeof(Half) => Convert<Half>(data),
            _ => throw new ArgumentException(
                $"Cannot make a tensor from an array of {element?.Name ?? "unknown"}; expected float, double, int, long, short, byte, sbyte, uint, ushort, ulong or Half elements.",
                nameof(data)),
        };
    }

    /// <summary>Every element of <paramref name="data"/>, whose element type is <typeparamref name="T"/>, as float.</summary>
    private static float[] Convert<T>(Array data)
        where T : unmanaged, INumberBase<T>
    {
        // The whole array as one span, whatever its rank (MemoryMarshal.GetArrayDataReference(Array) is the first
        // element of any array); the caller has checked that T is its element type.
        ReadOnlySpan<T> source = MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        var result = new float[source.Length];
        if (typeof(T) == typeof(float))
        {
            MemoryMarshal.Cast<T, float>(source).CopyTo(result);
            return result;
        }

        // float.CreateTruncating is the explicit conversion for each of these types ((float)d rounds to nearest).
        for (int i = 0; i < source.Length; i++)
        {
            result[i] = float.CreateTruncating(source[i]);
        }

        return result;
    }
}
