using FakeAuthServer.Endpoints;

namespace FakeAuthServer.Flaky;

/// <summary>Where a <see cref="ClientKey"/> came from; part of the key, so a cookie value never collides with an address.</summary>
public enum ClientKeySource
{
    SessionCookie,
    ClientIdHeader,
    RemoteAddress,
    InProcess,
}

/// <summary>
/// Who is asking, for ?fail_first: the user_id session cookie, else the X-Client-Id header, else the remote address.
/// In-process (TestServer) there is no address, so every client without a cookie or header shares one key.
/// </summary>
public readonly record struct ClientKey(ClientKeySource Source, string Id)
{
    public const string HeaderName = "X-Client-Id";

    /// <summary>Longer ids are refused: each tracked client is kept in memory.</summary>
    public const int MaxIdLength = 256;

    private static readonly ClientKey InProcessClient = new(ClientKeySource.InProcess, "");

    internal static bool TryFrom(HttpContext context, out ClientKey key, out string error)
    {
        error = "";
        var request = context.Request;
        if (request.Cookies[Sessions.SessionCookie.Name] is { Length: > 0 } session)
            key = new(ClientKeySource.SessionCookie, session);
        else if (request.Headers[HeaderName].ToString() is { Length: > 0 } header)
            key = new(ClientKeySource.ClientIdHeader, header);
        else if (context.Connection.RemoteIpAddress is { } address)
            key = new(ClientKeySource.RemoteAddress, address.ToString());
        else
            key = InProcessClient;

        if (key.Id.Length <= MaxIdLength) return true;
        error = key.Source == ClientKeySource.SessionCookie
            ? $"The {Sessions.SessionCookie.Name} cookie is too long to tell clients apart by (at most {MaxIdLength} characters)."
            : $"{HeaderName} must be at most {MaxIdLength} characters.";
        return false;
    }
}
