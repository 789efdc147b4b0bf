namespace Tito.Accuracy;

/// <summary>The worst error one kernel showed over the inputs scanned.</summary>
/// <param name="Target">The kernel.</param>
/// <param name="MaxUlps">The largest error in ULPs.</param>
/// <param name="WorstInput">Where it occurred.</param>
/// <param name="WorstOutput">What the kernel returned there.</param>
/// <param name="Inputs">How many inputs were scanned.</param>
internal sealed record AccuracyResult(AccuracyTarget Target, double MaxUlps, float WorstInput, float WorstOutput, long Inputs)
{
    /// <summary>Whether the kernel kept its promise.</summary>
    public bool WithinBound => MaxUlps <= Target.BoundUlps;
}
