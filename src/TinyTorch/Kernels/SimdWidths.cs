using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TinyTorch.Kernels;

/// <summary>The 128-bit width: 4 floats (SSE on x86, NEON on Arm).</summary>
internal readonly struct Width128 : ISimdWidth<Vector128<float>>
{
    public static bool IsAccelerated => Vector128.IsHardwareAccelerated;

    public static int Count => Vector128<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref readonly float source, nuint offset) => Vector128.LoadUnsafe(in source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static bool CanStoreNonTemporal => Sse.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector128<float> value, float* destination)
    {
        if (Sse.IsSupported)
        {
            Sse.StoreAlignedNonTemporal(destination, value);
        }
        else
        {
            value.Store(destination);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Apply<TOp>(in TOp op, Vector128<float> x)
        where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Apply<TOp>(in TOp op, Vector128<float> a, Vector128<float> b)
        where TOp : struct, IBinaryOperator => op.Invoke(a, b);
}

/// <summary>The 256-bit width: 8 floats (AVX2).</summary>
internal readonly struct Width256 : ISimdWidth<Vector256<float>>
{
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    public static int Count => Vector256<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref readonly float source, nuint offset) => Vector256.LoadUnsafe(in source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static bool CanStoreNonTemporal => Avx.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector256<float> value, float* destination)
    {
        if (Avx.IsSupported)
        {
            Avx.StoreAlignedNonTemporal(destination, value);
        }
        else
        {
            value.Store(destination);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply<TOp>(in TOp op, Vector256<float> x)
        where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Apply<TOp>(in TOp op, Vector256<float> a, Vector256<float> b)
        where TOp : struct, IBinaryOperator => op.Invoke(a, b);
}

/// <summary>The 512-bit width: 16 floats (AVX-512).</summary>
internal readonly struct Width512 : ISimdWidth<Vector512<float>>
{
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    public static int Count => Vector512<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref readonly float source, nuint offset) => Vector512.LoadUnsafe(in source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    public static bool CanStoreNonTemporal => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporal(Vector512<float> value, float* destination)
    {
        if (Avx512F.IsSupported)
        {
            Avx512F.StoreAlignedNonTemporal(destination, value);
        }
        else
        {
            value.Store(destination);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply<TOp>(in TOp op, Vector512<float> x)
        where TOp : struct, IUnaryOperator => op.Invoke(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Apply<TOp>(in TOp op, Vector512<float> a, Vector512<float> b)
        where TOp : struct, IBinaryOperator => op.Invoke(a, b);
}
