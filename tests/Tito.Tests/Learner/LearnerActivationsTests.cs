using TinyTorch.Activations.Reference;
using TinyTorch.Core;
using Tito.Checks;
using Tito.Learner;
using Tito.Tests.Support;

namespace Tito.Tests.Learner;

public class LearnerActivationsTests
{
    // The library's own readable layer has the shape a learner's copy has: grading it must pass every check.
    private static readonly ActivationRegistry ReadableLayer = LearnerActivations.From(typeof(SigmoidMath).Assembly);

    [Fact]
    public void TheReadableLayer_GradedThroughTheAdapter_PassesTheWholeStory()
    {
        TitoRun run = TitoRun.Of("test activations", ReadableLayer);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("❌", run.Out);
    }

    [Fact]
    public void SliceSoftmax_NormalizesAlongTheRequestedDim()
    {
        var x = new Tensor(new float[,] { { 1, 5 }, { 3, 0 } });
        float[] byColumn = ReadableLayer.Softmax(0).Forward(x).ToArray();
        float[] library = new Softmax(0).Forward(x).ToArray();
        Assert.Equal(library, byColumn);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadableLayer.Softmax(2).Forward(x));
    }

    [Fact]
    public void ScalarActivation_BackwardIsGradientTimesDerivative()
    {
        IActivation sigmoid = ReadableLayer.Sigmoid();
        sigmoid.Forward(new Tensor([0f, 2f], [2]));
        float[] dx = sigmoid.Backward(new Tensor([2f, 1f], [2])).ToArray();
        Assert.Equal(0.5f, dx[0]);
        Assert.Equal((float)SigmoidMath.Derivative(2), dx[1]);
    }

    [Fact]
    public void LogSoftmaxMath_IsGradedThroughTheSliceAdapter_AlongAnyDim_AndTheOtherFormsAlongADimAreNot()
    {
        IReadOnlyList<CheckSuite> suites = AlongDimChecks.Build(ReadableLayer);
        CheckSuite logSoftmax = Assert.Single(suites);
        Assert.Equal("LogSoftmax", logSoftmax.Name);
        foreach (PropertyCheck property in logSoftmax.Properties)
        {
            Exception? e = Record.Exception(property.Run);
            Assert.True(e is null, $"{property.Description}: {e?.Message}");
        }

        var x = new Tensor(new float[,] { { 1, 5 }, { 3, 0 } });
        TinyTorch.Catalog.ActivationVariant variant = TinyTorch.Catalog.ActivationCatalog.LogSoftmax.Variants[0];
        IActivation byColumn = ReadableLayer.AlongDimWithDim(variant, 0);
        float[] y = byColumn.Forward(x).ToArray();
        float[] library = Functional.LogSoftmax(x, 0).ToArray();
        Assert.Equal(library, y);
        var g = new Tensor(new float[,] { { 1, -2 }, { 0.5f, 3 } });
        float[] dx = byColumn.Backward(g).ToArray();
        float[] libraryDx = Functional.LogSoftmaxBackward(g, Functional.LogSoftmax(x, 0), 0).ToArray();
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(libraryDx[i], dx[i], 6);
        }
    }

    // A copy made before SoftmaxMath.Backward took the gradient first has Backward(y, g, dx, …): both spans of floats, so
    // it binds either way. Graded through GradientFirst, both orders get g and y in their places.
    [Fact]
    public void ACopysBackward_InEitherOrder_IsCalledWithGradientAndOutputInTheirPlaces()
    {
        float[] g = [1f, 2f], y = [10f, 20f];
        foreach (SliceBackward declared in new SliceBackward[] { OldOrder, NewOrder })
        {
            var dx = new float[2];
            LearnerActivations.GradientFirst(declared)(g, y, dx, 0, 2, 1);
            Assert.Equal([9f, 18f], dx);   // y − g, as both bodies compute it from their own parameter names
        }
    }

    private static void OldOrder(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx, int start, int length, int stride)
    {
        for (int i = 0; i < length; i++)
        {
            dx[start + (i * stride)] = y[start + (i * stride)] - g[start + (i * stride)];
        }
    }

    private static void NewOrder(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> dx, int start, int length, int stride)
    {
        for (int i = 0; i < length; i++)
        {
            dx[start + (i * stride)] = y[start + (i * stride)] - g[start + (i * stride)];
        }
    }
}
