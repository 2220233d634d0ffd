namespace SessionClient;

/// <summary>Sends no credentials: for a request that must not use the session's <see cref="HttpSession.Auth"/>.</summary>
public sealed class NoAuth : IAuthenticator
{
    public static readonly NoAuth Instance = new();

    public ValueTask ApplyAsync(HttpRequestMessage request, HttpSession session, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
