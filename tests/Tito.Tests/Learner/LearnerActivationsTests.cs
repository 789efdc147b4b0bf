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
}
