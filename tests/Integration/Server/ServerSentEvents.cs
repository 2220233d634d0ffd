using System.Text.Json;

namespace SessionKit.Tests.Integration.Server;

/// <summary>Reads a text/event-stream response event by event, each read bounded by a timeout.</summary>
public sealed class ServerSentEvents(HttpResponseMessage response) : IDisposable
{
    public sealed record Event(string Name, string Data)
    {
        public JsonElement Json => JsonDocument.Parse(Data).RootElement;
    }

    private StreamReader? _reader;

    /// <summary>Everything read so far, as sent.</summary>
    public List<Event> Seen { get; } = [];

    public async Task<Event> NextAsync(TimeSpan? timeout = null)
    {
        _reader ??= new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        string name = "message", data = "";
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("the event stream ended");
            if (line.Length == 0)
            {
                if (data.Length == 0) continue; // a field-only block such as "retry:"
                var e = new Event(name, data);
                Seen.Add(e);
                return e;
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line["data: ".Length..];
        }
    }

    /// <summary>The next event called <paramref name="name"/> (others are skipped but kept in <see cref="Seen"/>).</summary>
    public async Task<Event> NextAsync(string name, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"no '{name}' event within the time given");
            var e = await NextAsync(left);
            if (e.Name == name) return e;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        response.Dispose();
    }
}
