namespace FakeAuthServer.Flaky;

/// <summary>
/// The statuses /flaky may fail with: the transient ones retrying clients act on (urllib3's status_forcelist,
/// Polly's transient set). Statuses whose meaning needs more than a body (401, 405, 3xx…) are left out on purpose.
/// </summary>
internal static class FailureStatuses
{
    public static readonly int[] Allowed = [408, 413, 429, 500, 502, 503, 504];

    public const string Described = "408, 413, 429, 500, 502, 503 or 504";

    public static bool IsAllowed(int status) => Array.IndexOf(Allowed, status) >= 0;
}
