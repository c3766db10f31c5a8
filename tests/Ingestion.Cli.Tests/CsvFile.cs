using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Ingestion.Cli.Tests;

/// <summary>Reads an exported CSV back into its record type by header name, the way pandas would: empty is null.</summary>
internal static class CsvFile
{
    public static List<T> Read<T>(string path) where T : new()
    {
        using var reader = CsvReader.FromFile(path, null, FileOptions.SequentialScan);
        var rows = new List<T>();
        while (reader.Read())
        {
            var row = new T();
            foreach (var property in typeof(T).GetProperties())
            {
                var text = reader.GetStringOrNull(property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);
                property.SetValue(row, Parse(text, property.PropertyType));
            }
            rows.Add(row);
        }
        return rows;
    }

    private static object? Parse(string? text, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (string.IsNullOrEmpty(text))
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        if (target == typeof(DateOnly)) return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (target == typeof(DateTime)) return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        if (target == typeof(bool)) return bool.Parse(text);
        if (target == typeof(string)) return text;
        return Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }
}
