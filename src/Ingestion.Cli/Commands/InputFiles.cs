namespace Ingestion.Cli.Commands;

/// <summary>Expands the files and folders given on the command line into the article files they hold.</summary>
internal static class InputFiles
{
    /// <summary>Gold annotations and dotfiles sit beside articles in the dev folders; they are never articles.</summary>
    private static bool IsArticle(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !name.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>(path as given or found, name relative to the folder given) in a stable order.</summary>
    public static IEnumerable<(string Path, string Name)> Expand(IEnumerable<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                foreach (var file in Directory.EnumerateFiles(argument, "*", SearchOption.AllDirectories).Where(IsArticle).Order(StringComparer.Ordinal))
                    yield return (file, Path.GetRelativePath(argument, file).Replace('\\', '/'));
            }
            else if (File.Exists(argument))
                yield return (argument, Path.GetFileName(argument));
            else
                throw new FileNotFoundException($"no such file or folder: {argument}", argument);
        }
    }

    /// <summary><see cref="Expand"/> all at once; a missing path is a one-line error on stderr and false.</summary>
    public static bool TryExpand(IEnumerable<string> arguments, out List<(string Path, string Name)> files)
    {
        try
        {
            files = Expand(arguments).ToList();
            return true;
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine("ingest: " + e.Message);
            files = [];
            return false;
        }
    }
}
