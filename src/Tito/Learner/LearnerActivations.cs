using System.Reflection;
using TinyTorch.Catalog;
using Tito.Checks;

namespace Tito.Learner;

/// <summary>
/// An <see cref="ActivationRegistry"/> whose activations run a readable layer found by reflection in an
/// assembly: the learner's compiled copy, or the library itself (which is how the adapter is tested).
/// </summary>
internal static class LearnerActivations
{
    private const string Namespace = "TinyTorch.Activations.Reference";

    /// <summary>The registry backed by the *Math classes of <paramref name="assembly"/>.</summary>
    public static ActivationRegistry From(Assembly assembly)
    {
        Func<double, double> F(string type, string method) => Scalar(assembly, type, method);
        SliceForward softmaxForward = Slice<SliceForward>(assembly, "Forward");
        SliceBackward softmaxBackward = GradientFirst(assembly, "SoftmaxMath");
        (SliceForward Forward, SliceBackward Backward)? logSoftmax = LogSoftmax(assembly);

        return new ActivationRegistry
        {
            ReLU = () => new ScalarActivation(F("ReLUMath", "Forward"), F("ReLUMath", "Derivative")),
            ReLUInPlace = x => new ScalarActivation(F("ReLUMath", "Forward"), F("ReLUMath", "Derivative")).ForwardInPlace(x),
            Sigmoid = () => new ScalarActivation(F("SigmoidMath", "Forward"), F("SigmoidMath", "Derivative")),
            Tanh = () => new ScalarActivation(F("TanhMath", "Forward"), F("TanhMath", "Derivative")),
            GELU = form => form switch
            {
                TinyTorch.Core.GeluApproximation.Tanh => new ScalarActivation(F("GELUMath", "TanhForm"), F("GELUMath", "TanhFormDerivative")),
                TinyTorch.Core.GeluApproximation.None => new ScalarActivation(F("GELUMath", "ExactForm"), F("GELUMath", "ExactFormDerivative")),
                _ => new ScalarActivation(F("GELUMath", "SigmoidForm"), F("GELUMath", "SigmoidFormDerivative")),
            },
            Softmax = dim => new SliceSoftmax(softmaxForward, softmaxBackward, dim),
            SoftmaxDefault = () => new SliceSoftmax(softmaxForward, softmaxBackward, -1),
            IncludesFamily = HasFamily(assembly),
            GradesAlongDim = variant => variant.Key == "logsoftmax" && logSoftmax is not null,
            Family = variant => variant.IsElementwise ? new ScalarActivation(Same(assembly, variant.Reference!), Same(assembly, variant.ReferenceDerivative!))
                : variant.Key == "logsoftmax" && logSoftmax is { } own ? new SliceSoftmax(own.Forward, own.Backward, -1)
                : variant.Create(),
            AlongDimWithDim = (variant, dim) => variant.Key == "logsoftmax" && logSoftmax is { } own
                ? new SliceSoftmax(own.Forward, own.Backward, dim)
                : variant.AlongDim!.WithDim!(dim),
        };
    }

    /// <summary>Whether the copy has the family's classes (its going-further part); a copy made before it existed does not.</summary>
    private static bool HasFamily(Assembly assembly) => ActivationCatalog.Family
        .SelectMany(a => a.Variants)
        .Where(v => v.IsElementwise)
        .All(v => assembly.GetType(v.Reference!.Method.DeclaringType!.FullName!) is not null);

    /// <summary>
    /// The copy's LogSoftmaxMath (an optional stub of its going-further part), as the slice functions of a
    /// <see cref="SliceSoftmax"/>; null for a copy made before it existed.
    /// </summary>
    private static (SliceForward Forward, SliceBackward Backward)? LogSoftmax(Assembly assembly)
    {
        if (assembly.GetType($"{Namespace}.LogSoftmaxMath") is null)
        {
            return null;
        }

        SliceForward forward = Slice<SliceForward>(assembly, "LogSoftmaxMath", "Forward");
        return (forward, GradientFirst(assembly, "LogSoftmaxMath"));
    }

    /// <summary>
    /// The copy's slice backward of <paramref name="type"/>, gradient first.
    /// NOTE: copies made before the readable layer took PyTorch's order have SoftmaxMath.Backward(y, g, dx, …): both
    /// spans of floats, so the delegate would bind and silently swap them. Their first parameter's name tells them apart
    /// (the stubs' names are kept), and those are called the other way round.
    /// </summary>
    private static SliceBackward GradientFirst(Assembly assembly, string type) =>
        GradientFirst(Slice<SliceBackward>(assembly, type, "Backward"));

    /// <summary><paramref name="bound"/> called gradient first, whichever order its method declares (see above).</summary>
    internal static SliceBackward GradientFirst(SliceBackward bound) =>
        bound.Method.GetParameters()[0].Name == "y"
            ? (g, y, dx, start, length, stride) => bound(y, g, dx, start, length, stride)
            : bound;

    /// <summary>The copy's own version of a library reference function: the same class and method name, one double.</summary>
    private static Func<double, double> Same(Assembly assembly, Func<double, double> reference) =>
        Scalar(assembly, reference.Method.DeclaringType!.Name, reference.Method.Name);

    private static MethodInfo Method(Assembly assembly, string type, string method, Type[] parameters)
    {
        Type t = assembly.GetType($"{Namespace}.{type}")
            ?? throw new UserErrorException($"the copy has no class {Namespace}.{type}; keep the class names of the files 'tito module start' wrote.");
        return t.GetMethod(method, BindingFlags.Public | BindingFlags.Static, parameters)
            ?? throw new UserErrorException($"{type} has no public static {method}({string.Join(", ", parameters.Select(p => p.Name))}); keep the signatures of the stubs.");
    }

    private static Func<double, double> Scalar(Assembly assembly, string type, string method) =>
        Method(assembly, type, method, [typeof(double)]).CreateDelegate<Func<double, double>>();

    private static T Slice<T>(Assembly assembly, string method)
        where T : Delegate => Slice<T>(assembly, "SoftmaxMath", method);

    private static T Slice<T>(Assembly assembly, string type, string method)
        where T : Delegate
    {
        Type[] parameters = typeof(T).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        return Method(assembly, type, method, parameters).CreateDelegate<T>();
    }
}
