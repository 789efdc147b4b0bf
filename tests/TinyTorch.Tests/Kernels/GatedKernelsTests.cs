using TinyTorch.Core;
using TinyTorch.Kernels;

namespace TinyTorch.Tests.Kernels;

/// <summary>The gated kernels' own checks (ActivationKernels.Gated.cs): halving, lengths, overlap.</summary>
public class GatedKernelsTests
{
    [Fact]
    public void OddAxisIsRefusedNamingIt()
    {
        var rows = Assert.Throws<ArgumentException>(() => ActivationKernels.GLU(new float[10], new float[5], 5));
        Assert.Equal("rowLength", rows.ParamName);
        Assert.Contains("Halving dimension must be even, but rowLength is 5", rows.Message);
        var strided = Assert.Throws<ArgumentException>(() => ActivationKernels.ReGLUStrided(new float[12], new float[6], 3, 2));
        Assert.Equal("axisLength", strided.ParamName);
    }

    [Fact]
    public void DestinationMustNotOverlapTheInputEvenInPlace()
    {
        var buffer = new float[16];
        var e = Assert.Throws<ArgumentException>(() => ActivationKernels.SwiGLU(buffer, buffer, 4));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("must not share memory", e.Message);
    }

    [Fact]
    public void DestinationTooShortIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => ActivationKernels.GLU(new float[16], new float[7], 4));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("8", e.Message);
    }

    [Fact]
    public void BackwardWantsHalfAsManyGradientsAndRoomForBothHalves()
    {
        var g = Assert.Throws<ArgumentException>(() => ActivationKernels.GLUBackward(new float[16], new float[16], new float[16], 4));
        Assert.Equal("gradOutput", g.ParamName);
        Assert.Contains("half the input's (8)", g.Message);
        var d = Assert.Throws<ArgumentException>(() => ActivationKernels.GLUBackward(new float[8], new float[16], new float[15], 4));
        Assert.Equal("destination", d.ParamName);
        var buffer = new float[32];
        var overlap = Assert.Throws<ArgumentException>(() => ActivationKernels.GLUBackward(new float[8], buffer.AsSpan(0, 16), buffer.AsSpan(8, 16), 4));
        Assert.Equal("destination", overlap.ParamName);
    }

    [Fact]
    public void UnknownGeluFormIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationKernels.GeGLU(new float[4], new float[2], 4, (GeluApproximation)99));

    [Fact]
    public void EmptyInputsWriteNothing()
    {
        ActivationKernels.GLUStrided(ReadOnlySpan<float>.Empty, [], 0, 5);
        ActivationKernels.GLUStridedBackward(ReadOnlySpan<float>.Empty, [], [], 4, 0);
        ActivationKernels.GLUStrided(ReadOnlySpan<Half>.Empty, [], 0, 5);
        ActivationKernels.GLUStridedBackward(ReadOnlySpan<Half>.Empty, [], [], 4, 0);
    }

    [Fact]
    public void BackwardWritesBothHalvesInPlaceOfTheirInputs()
    {
        // x = [a0 a1 | b0 b1] along a dim of 4 with stride 1: dL/da lands where a was, dL/db where b was.
        float[] x = [2f, -3f, 1f, -1f];
        float[] g = [1f, 1f];
        var dx = new float[4];
        ActivationKernels.ReGLUBackward(g, x, dx, 4);
        Assert.Equal(new[] { 1f, 0f, 2f, 0f }, dx);
    }
}
