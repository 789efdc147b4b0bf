namespace Tito;

/// <summary>
/// A mistake in what the user asked for (an unknown module, a size of −5, a missing repository): reported as
/// one line on stderr with exit code 2, never as a stack trace.
/// </summary>
internal sealed class UserErrorException(string message) : Exception(message);
