namespace SessionClient;

/// <summary>
/// Adds credentials to a request (requests' <c>auth=</c>). Called once per hop, and only while the hop stays on the
/// origin the request started on: credentials never follow a redirect to another origin.
/// </summary>
public interface IAuthenticator
{
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
