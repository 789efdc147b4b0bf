namespace Tito;

/// <summary>The process exit codes, as shells and CI read them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for ran and every check held.</summary>
    public const int Success = 0;

    /// <summary>The command ran but a check failed (a ❌ was printed).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line was wrong: unknown command, bad option or value (the usual meaning of 2).</summary>
    public const int Usage = 2;
}
