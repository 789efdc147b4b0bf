using TinyTorch.Core;

namespace Tito.Checks;

/// <summary>Shorthands the property checks use to push numbers through an activation.</summary>
internal static class Run
{
    /// <summary>A 1-d tensor of the values.</summary>
    public static Tensor Vector(params float[] values) => new(values, [values.Length]);

    /// <summary>Forward of a fresh activation over a 1-d input, as a flat array.</summary>
    public static float[] Forward(Func<IActivation> make, params float[] values) => make().Forward(Vector(values)).ToArray();

    /// <summary>Forward of a fresh activation over one value.</summary>
    public static float At(Func<IActivation> make, float x) => Forward(make, x)[0];

    /// <summary>dy/dx at each value: Backward with a gradient of ones after a Forward on the same object.</summary>
    public static float[] Derivative(Func<IActivation> make, params float[] values)
    {
        IActivation activation = make();
        activation.Forward(Vector(values));
        return activation.Backward(Vector(Enumerable.Repeat(1f, values.Length).ToArray())).ToArray();
    }
}
