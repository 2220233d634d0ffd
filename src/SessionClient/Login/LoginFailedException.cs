namespace SessionClient;

/// <summary>A login flow did not end logged in; the message says which step and why (never the password).</summary>
public sealed class LoginFailedException(string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The status of the response that showed the failure, when there was one.</summary>
    public int? Status { get; } = status;
}
