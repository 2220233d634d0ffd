namespace SessionKit.Tests.Unit.Client;

/// <summary>A handler that answers from a function and records every request it saw.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : this(r => Task.FromResult(respond(r)))
    {
    }

    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return respond(request).WaitAsync(cancellationToken);
    }

    public static HttpResponseMessage Redirect(string location, int status = 302) =>
        new((System.Net.HttpStatusCode)status) { Headers = { Location = new Uri(location, UriKind.RelativeOrAbsolute) } };
}
