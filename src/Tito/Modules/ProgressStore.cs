using System.Text.Json;

namespace Tito.Modules;

/// <summary>
/// The learner's progress as a small JSON file (module number → <see cref="ModuleProgress"/>), read and
/// written whole; a missing file is an empty record.
/// </summary>
internal sealed class ProgressStore(string path)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>The file this store reads and writes.</summary>
    public string Path { get; } = path;

    /// <summary>Reads the file; a corrupt file is a user error that names it rather than a crash.</summary>
    public Dictionary<string, ModuleProgress> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, ModuleProgress>>(File.ReadAllText(Path), s_json) ?? [];
        }
        catch (JsonException e)
        {
            throw new UserErrorException($"the progress file {Path} is not valid JSON ({e.Message}); fix or delete it.");
        }
    }

    /// <summary>Applies <paramref name="change"/> to one module's record and writes the file back.</summary>
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

        File.WriteAllText(Path, JsonSerializer.Serialize(all, s_json));
    }
}
