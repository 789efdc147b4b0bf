using System.Text.Json.Serialization;

namespace Tito.Modules;

/// <summary>What the progress file remembers about one module.</summary>
internal sealed class ModuleProgress
{
    /// <summary>When <c>tito module start</c> made a workspace for it, if it did.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When <c>tito module complete</c> last passed, if it has.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>How many properties held at completion.</summary>
    public int PropertiesPassed { get; set; }

    /// <summary>
    /// The learner's copy that <c>tito export --module</c> made the module's implementation: <c>tito test</c>
    /// grades it instead of the library until <c>tito export --library</c>. A full path; null for the library.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]   // files of modules never exported stay as they were
    public string? ExportedWorkspace { get; set; }
}
