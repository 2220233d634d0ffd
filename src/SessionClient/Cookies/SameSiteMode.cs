namespace SessionClient;

/// <summary>The SameSite attribute of a cookie (RFC 6265bis §5.6.7).</summary>
public enum SameSiteMode
{
    /// <summary>No attribute, or a value the spec does not define: browsers apply their default ("Lax-by-default").</summary>
    Unspecified,
    None,
    Lax,
    Strict,
}
