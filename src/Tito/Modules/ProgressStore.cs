using System.Text.Json;

namespace Tito.Modules;

/// <summary>
/// The learner's progress as a small JSON file (module number → <see cref="ModuleProgress"/>), read and
/// written whole; a missing file is an empty record. Reading is strict: anything this class would not have
/// written (a null entry, a field of the wrong type, an unknown field) is a user error naming the file, found
/// before any work is done, and a file that failed to read is never overwritten.
/// </summary>
internal sealed class ProgressStore(string path)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private const string Example = "{\"02\": {\"StartedAt\": \"2025-01-31T12:00:00+00:00\", \"CompletedAt\": null, \"PropertiesPassed\": 0}}";

    /// <summary>The file this store reads and writes.</summary>
    public string Path { get; } = path;

    /// <summary>
    /// Checks that the file can be used before a command spends time grading or copying: it must not be a
    /// folder, nor sit under a file, and what it holds must read back as progress (see <see cref="Load"/>).
    /// </summary>
    public void EnsureUsable()
    {
        // A parent that is a file (--progress-file notes.txt/progress.json) would only fail at the final write.
        for (string? folder = System.IO.Path.GetDirectoryName(Path); !string.IsNullOrEmpty(folder); folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                throw Problem($"cannot be created: {folder} is a file, not a folder", "give --progress-file a path inside a folder");
            }

            if (Directory.Exists(folder))
            {
                break;
            }
        }

        _ = Load();
    }

    /// <summary>Reads the file; anything but a JSON object of well-formed module entries is a user error that names it.</summary>
    public Dictionary<string, ModuleProgress> Load()
    {
        if (Directory.Exists(Path))
        {
            throw Problem("is a folder, not a file", $"give --progress-file a file path, such as {System.IO.Path.Combine(Path, "progress.json")}");
        }

        if (!File.Exists(Path))
        {
            return [];
        }

        string text;
        try
        {
            text = File.ReadAllText(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot be read ({e.Message})", "check its permissions, or give --progress-file another path");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            // NOTE: an empty file is what an interrupted write by an older tito leaves; treating it as "no
            // progress" would silently forget the learner's record, so it is reported instead.
            throw Problem("is empty", $"delete it to start a fresh record, or restore it; it should look like {Example}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Problem($"is not valid JSON ({e.Message})", "fix or delete it");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to one module's record and writes the file back atomically: the new
    /// content goes to a temporary file in the same folder, which then replaces the old one in a single rename,
    /// so an interrupted write leaves the old record whole rather than a truncated file.
    /// </summary>
    public void Update(string module, Action<ModuleProgress> change)
    {
        Dictionary<string, ModuleProgress> all = Load();
        if (!all.TryGetValue(module, out ModuleProgress? entry))
        {
            entry = new ModuleProgress();
            all[module] = entry;
        }

        change(entry);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        string temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(all, s_json));
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private Dictionary<string, ModuleProgress> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Problem($"holds {Kind(root)} where an object of modules was expected", $"it should look like {Example}; fix or delete it");
        }

        var all = new Dictionary<string, ModuleProgress>();
        foreach (JsonProperty module in root.EnumerateObject())
        {
            if (module.Value.ValueKind != JsonValueKind.Object)
            {
                throw Problem($"has {Kind(module.Value)} for module \"{module.Name}\" where an object was expected",
                    $"an entry looks like {Example}; fix that entry or delete it");
            }

            var entry = new ModuleProgress();
            foreach (JsonProperty field in module.Value.EnumerateObject())
            {
                string where = $"module \"{module.Name}\"'s {field.Name}";
                switch (field.Name)
                {
                    case nameof(ModuleProgress.StartedAt):
                        entry.StartedAt = Date(field.Value, where);
                        break;
                    case nameof(ModuleProgress.CompletedAt):
                        entry.CompletedAt = Date(field.Value, where);
                        break;
                    case nameof(ModuleProgress.PropertiesPassed):
                        entry.PropertiesPassed = field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out int n) && n >= 0
                            ? n
                            : throw Problem($"has {Kind(field.Value)} for {where} where a whole number ≥ 0 was expected", "fix that field or delete it");
                        break;
                    case nameof(ModuleProgress.ExportedWorkspace):
                        entry.ExportedWorkspace = field.Value.ValueKind switch
                        {
                            JsonValueKind.Null => null,
                            JsonValueKind.String when System.IO.Path.IsPathFullyQualified(field.Value.GetString()!) => field.Value.GetString(),
                            _ => throw Problem($"has {Kind(field.Value)} for {where} where a full folder path or null was expected", "fix that field or delete it"),
                        };
                        break;
                    default:
                        // NOTE: an unknown field would be dropped by the next write (nothing here keeps it), so
                        // it is reported now rather than lost silently: usually a typo such as "completedAt".
                        throw Problem($"has an unknown field {where}",
                            $"the fields are {nameof(ModuleProgress.StartedAt)}, {nameof(ModuleProgress.CompletedAt)}, {nameof(ModuleProgress.PropertiesPassed)} and {nameof(ModuleProgress.ExportedWorkspace)}; rename or delete it");
                }
            }

            if (!all.TryAdd(module.Name, entry))
            {
                throw Problem($"lists module \"{module.Name}\" twice", "keep one of the two entries");
            }
        }

        return all;
    }

    private DateTimeOffset? Date(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when value.TryGetDateTimeOffset(out DateTimeOffset d) => d,
        _ => throw Problem($"has {Kind(value)} for {where} where a date like \"2025-01-31T12:00:00+00:00\" or null was expected", "fix that field or delete it"),
    };

    /// <summary>A JSON value described for a message: its kind and, when short, the value itself.</summary>
    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        JsonValueKind.Number => $"the number {Short(value.GetRawText())}",
        _ => $"the text {Short(value.GetRawText())}",
    };

    private static string Short(string raw) => raw.Length <= 40 ? raw : raw[..37] + "…";

    private UserErrorException Problem(string what, string fix) =>
        new($"the progress file {Path} {what}; {fix}." + (File.Exists(Path) ? " tito left the file as it is." : ""));
}
