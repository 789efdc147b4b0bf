namespace TinyTorch.Kernels.Operators;

/// <summary>The constants of the GELU forms, shared by the forward and backward operators.</summary>
internal static class GeluConstants
{
    /// <summary>√(2/π), the slope of the tanh form's inner polynomial at 0.</summary>
    public const double SqrtTwoOverPi = 0.79788456080286536;

    /// <summary>The cubic coefficient of the tanh form.</summary>
    public const double TanhCubic = 0.044715;

    /// <summary>1/√(2π), the normal density at 0.</summary>
    public const double OneOverSqrtTwoPi = 0.39894228040143268;
}
