using ScenarioRunner.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>Reads one scenario file into a <see cref="Scenario"/>, or fails with a <see cref="ScenarioFormatException"/>.</summary>
public static class ScenarioParser
{
    public static Scenario ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static Scenario Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // An unclosed bracket or quote is reported where the scanner gave up (the end of the file, or a later
            // line it could not fit in); point at where it was opened instead, and keep YamlDotNet's words.
            if (UnclosedOpener.Find(yaml) is { } opener && (opener.Line < e.Start.Line || opener.Line == e.Start.Line && opener.Column < e.Start.Column))
                throw new ScenarioFormatException(file, opener.Line, opener.Column,
                    $"not valid YAML: this {opener.Opener} is never closed (the parser gave up at line {e.Start.Line}: {YamlProblem(e)})");
            throw new ScenarioFormatException(file, e.Start.Line, e.Start.Column, $"not valid YAML: {YamlProblem(e)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on an unclosed flow mapping followed by block lines, with no position.
            var (line, column, opener) = UnclosedOpener.Find(yaml) ?? (1, 1, '?');
            throw new ScenarioFormatException(file, line, column,
                opener == '?' ? "not valid YAML (the parser could not say where)" : $"not valid YAML: this {opener} is never closed");
        }
        if (stream.Documents.Count != 1)
            throw new ScenarioFormatException(file, 1, 1, $"expected exactly one YAML document (one scenario per file), found {stream.Documents.Count}");

        var nodes = new YamlNodes(file);
        var root = nodes.Mapping(stream.Documents[0].RootNode, "a scenario");
        string? name = null, description = null, inProcessOnly = null;
        var server = new ServerSettings();
        Dictionary<string, SessionSettings>? sessions = null;
        List<Step>? steps = null;
        foreach (var (key, _, value) in nodes.Entries(root, "a scenario", "name", "description", "server", "sessions", "steps", "inProcessOnly"))
        {
            switch (key)
            {
                case "name": name = nodes.String(value, "name"); break;
                case "description": description = nodes.String(value, "description"); break;
                case "inProcessOnly": inProcessOnly = nodes.String(value, "inProcessOnly (why the scenario needs the in-process server)"); break;
                case "server": server = ServerParser.Parse(nodes, value); break;
                case "sessions": sessions = SessionsParser.Parse(nodes, value); break;
                default:
                    var list = nodes.Sequence(value, "steps");
                    steps = [.. list.Children.Select((step, i) => StepParser.Parse(nodes, step, i + 1))];
                    break;
            }
        }
        if (name is null) throw nodes.Error(root, "expected a 'name' for the scenario");
        if (server.StubGuards.Count > 0 && server.Stubs is null) throw nodes.Error(root, "expected server.stubs beside server.guards (the guards stand in front of stubs)");
        // The stubs folder is written relative to the scenario file, like cookie files.
        if (server.Stubs is { } stubs)
            server = server with { Stubs = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", stubs)) };
        if (steps is null || steps.Count == 0) throw nodes.Error(root, "expected 'steps' with at least one step");

        sessions ??= new Dictionary<string, SessionSettings> { [SessionSettings.DefaultName] = new() };
        foreach (var step in steps)
        {
            var session = step.Request?.Session ?? step.SaveCookies?.Session ?? step.LoadCookies?.Session;
            if (step.Request?.OneOff == true || session is null || sessions.ContainsKey(session)) continue;
            throw new ScenarioFormatException(file, step.Line, step.Column,
                $"expected step {step.Index} to use one of the sessions {string.Join(", ", sessions.Keys)}, found '{session}'");
        }
        return new Scenario
        {
            Name = name, Description = description ?? "", SourcePath = file, Server = server, Sessions = sessions, Steps = steps,
            InProcessOnly = inProcessOnly,
        };
    }

    // YamlDotNet's message starts with its own "(Line: …)" prefix; the position is already in ours.
    private static string YamlProblem(YamlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }
}
