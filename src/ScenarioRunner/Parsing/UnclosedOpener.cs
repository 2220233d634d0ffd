namespace ScenarioRunner.Parsing;

/// <summary>
/// Finds the bracket or quote a YAML text leaves open. YamlDotNet reports an unclosed <c>{</c>, <c>[</c> or quote
/// where it gave up looking for the closer (often the end of the file); the place to fix is where it was opened.
/// A light scan, not a parser: it only counts brackets and quotes that start a value or sit inside a flow collection,
/// so <c>a[0]</c> or <c>don't</c> in a plain value are left alone.
/// </summary>
internal static class UnclosedOpener
{
    /// <summary>The 1-based line and column of the innermost opener never closed, and the opener; null when all are closed.</summary>
    public static (int Line, int Column, char Opener)? Find(string yaml)
    {
        var open = new Stack<(int Line, int Column, char Opener)>();
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var text = lines[l];
            for (var c = 0; c < text.Length; c++)
            {
                var ch = text[c];
                if (open.TryPeek(out var top) && top.Opener is '"' or '\'')
                {
                    if (ch == '\\' && top.Opener == '"') c++;
                    else if (ch == top.Opener && top.Opener == '\'' && c + 1 < text.Length && text[c + 1] == '\'') c++;
                    else if (ch == top.Opener) open.Pop();
                    continue;
                }
                var startsValue = StartsValue(text, c);
                if (ch == '#' && (c == 0 || char.IsWhiteSpace(text[c - 1]))) break;
                if (ch is '"' or '\'' && startsValue) open.Push((l + 1, c + 1, ch));
                else if (ch is '[' or '{' && (startsValue || open.Count > 0)) open.Push((l + 1, c + 1, ch));
                else if (ch is ']' or '}' && open.TryPeek(out var bracket) && bracket.Opener == (ch == ']' ? '[' : '{')) open.Pop();
            }
        }
        return open.Count > 0 ? open.Peek() : null;
    }

    /// <summary>True when what precedes position <paramref name="c"/> on its line leaves room for a new value.</summary>
    private static bool StartsValue(string text, int c)
    {
        var before = text[..c].TrimEnd();
        return before.Length == 0 || before[^1] is '[' or '{' or ',' or '-' or '?' || before.EndsWith(':') && c > before.Length;
    }
}
