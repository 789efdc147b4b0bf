using System.Reflection;

namespace TinyTorch.Benchmarks.Experiments;

/// <summary>
/// The library's own element-wise loop with the store strategy forced, bound by reflection (the loop and the
/// operators are internal): lets <c>--probe store</c> time a heavy operator with regular and streaming stores
/// through exactly the code the kernels run, not a copy of it.
/// </summary>
internal static class InternalLoop
{
    /// <summary>One call of <c>ElementwiseLoop.Unary&lt;TOp&gt;(x, y, nonTemporal)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="y">The output.</param>
    /// <param name="nonTemporal">Whether to stream the stores.</param>
    public delegate void Unary(ReadOnlySpan<float> x, Span<float> y, bool nonTemporal);

    /// <summary>Binds the loop to the operator named <paramref name="operatorName"/> (e.g. "SigmoidOperator").</summary>
    /// <param name="operatorName">A type in TinyTorch.Kernels.Operators.</param>
    /// <returns>The bound loop.</returns>
    public static Unary For(string operatorName)
    {
        Assembly library = typeof(TinyTorch.Kernels.ActivationKernels).Assembly;
        Type loop = library.GetType("TinyTorch.Kernels.ElementwiseLoop", throwOnError: true)!;
        Type op = library.GetType($"TinyTorch.Kernels.Operators.{operatorName}", throwOnError: true)!;
        MethodInfo generic = loop.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "Unary" && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1 && m.GetParameters().Length == 3);
        return generic.MakeGenericMethod(op).CreateDelegate<Unary>();
    }
}
