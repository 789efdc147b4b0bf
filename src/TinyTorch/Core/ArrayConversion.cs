namespace TinyTorch.Core;

/// <summary>Converts .NET arrays of any rank and numeric element type to flat float32 storage.</summary>
internal static class ArrayConversion
{
    /// <summary>Copies <paramref name="data"/> in row-major order (the order a multi-dimensional .NET
    /// array enumerates in), converting each element to <see cref="float"/>.</summary>
    public static float[] ToFloat32(Array data)
    {
        Type? element = data.GetType().GetElementType();
        var result = new float[data.Length];
        int i = 0;
        switch (data)
        {
            case float[] f:
                f.CopyTo(result, 0);
                return result;
            case double[] d:
                for (; i < d.Length; i++)
                {
                    result[i] = (float)d[i];
                }

                return result;
        }

        // NOTE: a multi-dimensional array (float[,], double[,,]) only enumerates through the non-generic
        // IEnumerable, which boxes; creation is not a hot path, and row-major order comes for free.
        Func<object, float> convert = element switch
        {
            _ when element == typeof(float) => o => (float)o,
            _ when element == typeof(double) => o => (float)(double)o,
            _ when element == typeof(int) => o => (int)o,
            _ when element == typeof(long) => o => (long)o,
            _ when element == typeof(short) => o => (short)o,
            _ when element == typeof(byte) => o => (byte)o,
            _ when element == typeof(sbyte) => o => (sbyte)o,
            _ when element == typeof(uint) => o => (uint)o,
            _ when element == typeof(ushort) => o => (ushort)o,
            _ when element == typeof(ulong) => o => (ulong)o,
            _ when element == typeof(Half) => o => (float)(Half)o,
            _ => throw new ArgumentException(
                $"Cannot make a tensor from an array of {element?.Name ?? "unknown"}; expected float, double, int, long, short, byte, sbyte, uint, ushort, ulong or Half elements.",
                nameof(data)),
        };
        foreach (object o in data)
        {
            result[i++] = convert(o);
        }

        return result;
    }
}
