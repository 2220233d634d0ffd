namespace SessionClient;

/// <summary>An https page redirected to plain http, which the session refuses unless allowed.</summary>
public sealed class InsecureRedirectException(Uri from, Uri to)
    : HttpRequestException($"Refused to follow a redirect from {Logging.Redaction.Url(from)} to insecure {Logging.Redaction.Url(to)}; set AllowHttpsToHttpRedirects to permit it.")
{
    public Uri From { get; } = from;
    public Uri To { get; } = to;
}
