namespace ScenarioRunner.Running.Tracing;

/// <summary>
/// Sits on a session's transport, below retries and redirects, so it sees every attempt and every hop: counts them
/// for <c>expect.attempts</c> and records each into the step's trace for the narration and the HTML report.
/// </summary>
internal sealed class WireRecorder(HttpMessageHandler inner, StepTrace trace) : DelegatingHandler(inner)
{
    private int _sent;
    public int Sent => Volatile.Read(ref _sent);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        var requestHeaders = Flatten(request.Headers.NonValidated.Select(h => (h.Key, (IEnumerable<string>)h.Value)));
        string? body = null;
        if (request.Content is { } content)
        {
            requestHeaders.AddRange(Flatten(content.Headers.NonValidated.Select(h => (h.Key, (IEnumerable<string>)h.Value))));
            // The scenario's bodies are forms and JSON held in memory; buffering keeps them sendable after the read.
            await content.LoadIntoBufferAsync(cancellationToken);
            body = await content.ReadAsStringAsync(cancellationToken);
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var responseHeaders = Flatten(response.Headers.NonValidated.Select(h => (h.Key, (IEnumerable<string>)h.Value))
                .Concat(response.Content.Headers.NonValidated.Select(h => (h.Key, (IEnumerable<string>)h.Value))));
            trace.Add(new WireExchange(request.Method.Method, request.RequestUri!, requestHeaders, body, (int)response.StatusCode,
                response.ReasonPhrase, responseHeaders, null));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            trace.Add(new WireExchange(request.Method.Method, request.RequestUri!, requestHeaders, body, null, null, [], $"{e.GetType().Name}: {e.Message}"));
            throw;
        }
    }

    private static List<KeyValuePair<string, string>> Flatten(IEnumerable<(string Name, IEnumerable<string> Values)> headers) =>
        [.. headers.SelectMany(h => h.Values.Select(v => KeyValuePair.Create(h.Name, v)))];
}
