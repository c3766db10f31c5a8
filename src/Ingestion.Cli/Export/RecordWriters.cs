using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using Parquet;
using Parquet.Serialization;

namespace Ingestion.Cli.Export;

public enum ExportFormat
{
    Jsonl,
    Csv,
    Parquet,
}

/// <summary>Writes records of one type to one file, streaming; disposing finishes the file.</summary>
public interface IRecordWriter<in T> : IAsyncDisposable
{
    Task WriteAsync(T record, CancellationToken cancellationToken);
}

public static class RecordWriters
{
    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static IRecordWriter<T> Create<T>(ExportFormat format, string path) where T : class, new() => format switch
    {
        ExportFormat.Jsonl => new JsonLinesWriter<T>(path),
        ExportFormat.Csv => new CsvRecordWriter<T>(path),
        ExportFormat.Parquet => new ParquetRecordWriter<T>(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>One JSON object per line, the column names as keys, dates as ISO 8601.</summary>
internal sealed class JsonLinesWriter<T>(string path) : IRecordWriter<T>
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly StreamWriter _writer = new(path, append: false, new UTF8Encoding(false));

    public async Task WriteAsync(T record, CancellationToken cancellationToken) =>
        await _writer.WriteLineAsync(JsonSerializer.Serialize(record, Options).AsMemory(), cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}

/// <summary>
/// RFC 4180 CSV with a header row (CsvHelper does the quoting); dates as yyyy-MM-dd, times as ISO 8601 UTC. Text
/// that a spreadsheet would run as a formula (starting with = + - @) gets CsvHelper's escape: article text is
/// untrusted, and CSV files end up double-clicked into Excel. JSON Lines and Parquet keep such text exactly.
/// </summary>
internal sealed class CsvRecordWriter<T> : IRecordWriter<T>
{
    private static readonly PropertyInfo[] Columns = typeof(T).GetProperties();

    private readonly StreamWriter _stream;
    private readonly CsvWriter _csv;
    private readonly string[] _fields = new string[Columns.Length];

    public CsvRecordWriter(string path)
    {
        _stream = new StreamWriter(path, append: false, new UTF8Encoding(false));
        _csv = CsvWriter.Create(_stream, new CsvWriterOptions { Injection = CsvInjection.Escape }, false);
        _csv.WriteHeader(Columns.Select(ColumnNames.Of).ToArray());
    }

    public async Task WriteAsync(T record, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Columns.Length; i++)
            _fields[i] = Format(Columns[i].GetValue(record));
        await _csv.WriteRecordAsync(_fields, cancellationToken);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        await _stream.DisposeAsync();
    }
}

/// <summary>A column's name: the JsonPropertyName it has, so all three formats name columns alike.</summary>
internal static class ColumnNames
{
    public static string Of(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
}

/// <summary>Parquet (Parquet.Net): rows buffered and written a row group at a time, so memory stays bounded.</summary>
internal sealed class ParquetRecordWriter<T>(string path) : IRecordWriter<T> where T : class, new()
{
    public const int RowGroupSize = 10_000;

    private readonly FileStream _file = new(path, FileMode.Create, FileAccess.ReadWrite);
    private readonly List<T> _rows = new(RowGroupSize);
    private bool _started;

    public async Task WriteAsync(T record, CancellationToken cancellationToken)
    {
        _rows.Add(record);
        if (_rows.Count == RowGroupSize)
            await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_started && _rows.Count == 0) return;
        // Even with no rows the file gets a schema, so pandas reads an empty frame with the right columns.
        await ParquetSerializer.SerializeAsync(_rows, _file, new ParquetOptions { Append = _started }, cancellationToken: cancellationToken);
        _started = true;
        _rows.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _file.DisposeAsync();
    }
}
