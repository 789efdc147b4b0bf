using System.CommandLine.Parsing;
using System.Globalization;

namespace Tito;

/// <summary>
/// Turns System.CommandLine's parse errors into plain words. Its conversion errors name the .NET type the value
/// should have been ("as expected type 'System.Nullable`1[System.Int32]'"), which means nothing to a learner who
/// typed <c>--size abc</c>; those become "--size expects a whole number … (got 'abc')". Other errors (unknown
/// option, missing argument) are already in plain words and pass through.
/// </summary>
internal static class ParseErrorText
{
    /// <summary>The message to print for <paramref name="error"/>: rewritten if it names a .NET type, else as is.</summary>
    public static string For(ParseError error)
    {
        // NOTE: a conversion error can hang on the option's result or on its (hidden) argument's result, whose
        // parent is the option; both lead to the symbol whose value type the message names.
        (string name, Type type, IReadOnlyList<Token> tokens)? target = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType, o.Tokens),
            ArgumentResult a => ($"<{a.Argument.Name}>", a.Argument.ValueType, a.Tokens),
            _ => null,
        };
        if (target is not { } t || !NamesType(error.Message, t.type))
        {
            return error.Message;
        }

        string got = string.Join(" ", t.tokens.Select(k => k.Value));
        return $"{t.name} expects {Expectation(t.type)} (got '{got}').";
    }

    /// <summary>Whether <paramref name="message"/> mentions <paramref name="type"/> (or the type it is an array or nullable of).</summary>
    private static bool NamesType(string message, Type type)
    {
        Type inner = Element(type);
        return inner != typeof(string) && inner.FullName is { } full && message.Contains(full, StringComparison.Ordinal);
    }

    private static Type Element(Type type) =>
        Nullable.GetUnderlyingType(type) ?? (type.IsArray ? Element(type.GetElementType()!) : type);

    /// <summary>What a value of <paramref name="type"/> looks like, in words (the type tito's options actually use first).</summary>
    public static string Expectation(Type type)
    {
        Type t = Element(type);
        if (t.IsEnum)
        {
            return "one of: " + string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant()));
        }

        return Type.GetTypeCode(t) switch
        {
            TypeCode.Int32 => $"a whole number no larger than {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} (for example 4096)",
            TypeCode.UInt32 => $"a whole number from 0 to {uint.MaxValue.ToString("N0", CultureInfo.InvariantCulture)} (for example 4099)",
            TypeCode.Int64 or TypeCode.Int16 or TypeCode.Byte or TypeCode.SByte or TypeCode.UInt16 or TypeCode.UInt64 => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number (for example -5, 0.5 or 1e3)",
            TypeCode.Boolean => "true or false (or nothing: the option alone means true)",
            _ => "a value of the kind its --help describes",
        };
    }
}
