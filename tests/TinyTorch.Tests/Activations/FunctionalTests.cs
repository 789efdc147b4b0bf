using System.Reflection;
using TinyTorch.Core;

namespace TinyTorch.Tests.Activations;

public class FunctionalTests
{
    /// <summary>
    /// Every public function, with each tensor null or of the wrong shape, a dim out of range and an unknown GELU form:
    /// whatever it throws is an ArgumentException naming one of that function's own parameters.
    /// </summary>
    [Fact]
    public void EveryArgumentExceptionNamesAParameterOfTheFunctionThatThrew()
    {
        MethodInfo[] functions = typeof(Functional).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(functions);
        var problems = new List<string>();
        foreach (MethodInfo function in functions)
        {
            ParameterInfo[] parameters = function.GetParameters();
            string[] names = [.. parameters.Select(p => p.Name!)];
            int thrown = 0;
            for (int bad = 0; bad < parameters.Length; bad++)
            {
                foreach ((string what, object? value) in BadValues(parameters[bad].ParameterType))
                {
                    object?[] arguments = [.. parameters.Select((p, i) => i == bad ? value : Good(p))];
                    Exception? e = Record.Exception(() => function.Invoke(null, arguments));
                    if (e is null)
                    {
                        continue;
                    }

                    thrown++;
                    e = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
                    if (e is not ArgumentException argument)
                    {
                        problems.Add($"{function.Name}, {parameters[bad].Name} {what}: {e.GetType().Name} ({e.Message})");
                    }
                    else if (!names.Contains(argument.ParamName))
                    {
                        problems.Add($"{function.Name}, {parameters[bad].Name} {what}: ParamName '{argument.ParamName}' is not one of ({string.Join(", ", names)})");
                    }
                }
            }

            if (thrown == 0)
            {
                problems.Add($"{function.Name}: no bad argument threw");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // An activation's float parameter is good at its default, or at 0.5 where it has none (Threshold's).
    // PReLU's weight is good with one slope per channel of the (2, 3) input; a bool or a seed at its default.
    private static object? Good(ParameterInfo p) =>
        p.Name == "weight" ? new Tensor(new[] { 0.25f, 0.1f, 0.3f }, [3])
        : p.ParameterType == typeof(float) || p.ParameterType == typeof(bool) || p.ParameterType == typeof(int?) ? (p.HasDefaultValue ? p.DefaultValue : 0.5f)
        : Good(p.ParameterType);

    private static object Good(Type type) =>
        type == typeof(Tensor) ? new Tensor(new[] { -1f, 0f, 1f, 2f, -3f, 0.5f }, [2, 3])
        : type == typeof(int) ? -1
        : type == typeof(GeluApproximation) ? GeluApproximation.Sigmoid
        : throw new InvalidOperationException($"No good value of {type.Name}: teach this test.");

    private static IEnumerable<(string What, object? Value)> BadValues(Type type)
    {
        if (type == typeof(Tensor))
        {
            yield return ("null", null);
            yield return ("of shape (3, 2)", new Tensor(new float[6], [3, 2]));
        }
        else if (type == typeof(int))
        {
            yield return ("= 2", 2);
            yield return ("= -3", -3);
        }
        else if (type == typeof(GeluApproximation))
        {
            yield return ("= 99", (GeluApproximation)99);
        }
        else if (type == typeof(float))
        {
            yield return ("= NaN", float.NaN);
        }
        else if (type == typeof(bool) || type == typeof(int?))
        {
            yield break;   // every value is valid: a mode, a seed
        }
        else
        {
            throw new InvalidOperationException($"No bad value of {type.Name}: teach this test.");
        }
    }
}
