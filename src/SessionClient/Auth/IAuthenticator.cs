namespace SessionClient;

/// <summary>
/// Adds credentials to a request (requests' <c>auth=</c>). Called once per hop, and only while the hop stays on the
/// origin the request started on: credentials never follow a redirect to another origin.
/// </summary>
public interface IAuthenticator
{
    /// <param name="session">The session sending <paramref name="request"/>: a token flow logs in through it (its jar,
    /// its transport, its clock), so one flow object needs no session of its own.</param>
    ValueTask ApplyAsync(HttpRequestMessage request, HttpSession session, CancellationToken cancellationToken);
}
