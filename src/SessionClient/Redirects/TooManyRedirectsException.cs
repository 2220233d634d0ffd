namespace SessionClient;

/// <summary>A redirect chain went past <see cref="HttpSession.MaxRedirects"/> (requests' TooManyRedirects).</summary>
public sealed class TooManyRedirectsException(int maxRedirects, IReadOnlyList<Uri> chain)
    : HttpRequestException($"Exceeded {maxRedirects} redirects; the chain was: {string.Join(" -> ", chain.Select(Logging.Redaction.Url))}")
{
    public int MaxRedirects { get; } = maxRedirects;
    public IReadOnlyList<Uri> Chain { get; } = chain;
}
