namespace SessionClient.Retries;

/// <summary>How urllib3 counts a failed attempt.</summary>
internal enum ErrorKind
{
    None,
    /// <summary>No connection was made: safe to retry whatever the method.</summary>
    Connect,
    /// <summary>The request may have reached the server: retried only for allowed methods.</summary>
    Read,
    Status,
}
