using System.Net;
using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace SessionClient.Retries;

/// <summary>
/// The retry counters of one request (urllib3's <c>Retry.increment</c>): classifies each failed attempt, spends the
/// budget and says whether to try again and how long to wait first.
/// </summary>
internal sealed class RetryBudget(RetryPolicy policy, HttpMethod method, TimeProvider clock)
{
    private int? _total = policy.Total, _connect = policy.Connect, _read = policy.Read, _status = policy.Status;
    private int _consecutiveErrors;

    public int Attempts { get; private set; } = 1;
    public bool Exhausted { get; private set; }
    public int? LastStatus { get; private set; }
    public ErrorKind LastError { get; private set; }

    /// <summary>Why the last attempt is retried and where its wait comes from, for the log line before the wait.</summary>
    public string WaitReason { get; private set; } = "";

    /// <summary>The counters as they stand, in urllib3's words.</summary>
    public override string ToString() => (policy with { Total = _total, Connect = _connect, Read = _read, Status = _status }).ToString();

    /// <summary>True when this outcome should be retried and the budget allows it.</summary>
    public bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        var kind = Classify(outcome, cancellationToken);
        LastError = kind;
        if (kind == ErrorKind.None) return false;

        _total--;
        switch (kind)
        {
            case ErrorKind.Connect: _connect--; break;
            case ErrorKind.Read: _read--; break;
            case ErrorKind.Status: _status--; break;
        }
        Exhausted = _total < 0 || _connect < 0 || _read < 0 || _status < 0;
        if (Exhausted) return false;
        _consecutiveErrors++;
        Attempts++;
        return true;
    }

    /// <summary>Retry-After when it applies, otherwise the backoff formula.</summary>
    public TimeSpan DelayBefore(Outcome<HttpResponseMessage> outcome)
    {
        var why = outcome.Result is { } failed
            ? (policy.StatusForcelist.Contains((int)failed.StatusCode) ? $"status {(int)failed.StatusCode} is in status_forcelist" : $"status {(int)failed.StatusCode} with Retry-After")
            : $"{LastError.ToString().ToLowerInvariant()} error";
        if (outcome.Result is { } response && policy.RespectRetryAfterHeader &&
            policy.RetryAfterStatusCodes.Contains((int)response.StatusCode) && RetryAfter(response) is { } wait)
        {
            WaitReason = $"{why}; the wait is the response's Retry-After";
            return wait;
        }
        WaitReason = _consecutiveErrors <= 1
            ? $"{why}; the first retry has no backoff"
            : $"{why}; the backoff is backoff_factor {policy.BackoffFactor.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s × 2^{_consecutiveErrors - 1}";
        // Stryker disable once Equality,Conditional : with no jitter the random unit is multiplied by zero, so drawing it or not changes nothing
        return policy.BackoffFor(_consecutiveErrors, policy.BackoffJitter > TimeSpan.Zero ? Random.Shared.NextDouble() : 0);
    }

    private ErrorKind Classify(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Result is { } response)
        {
            LastStatus = (int)response.StatusCode;
            if (!policy.AllowsMethod(method)) return ErrorKind.None;
            var forced = policy.StatusForcelist.Contains(LastStatus.Value);
            var retryAfter = policy.RespectRetryAfterHeader && policy.RetryAfterStatusCodes.Contains(LastStatus.Value) &&
                             response.Headers.RetryAfter is not null;
            return forced || retryAfter ? ErrorKind.Status : ErrorKind.None;
        }

        LastStatus = null;
        return outcome.Exception switch
        {
            _ when cancellationToken.IsCancellationRequested => ErrorKind.None,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => ErrorKind.Connect,
            HttpRequestException or IOException or TimeoutRejectedException when policy.AllowsMethod(method) => ErrorKind.Read,
            _ => ErrorKind.None,
        };
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        // Stryker disable once Equality,Conditional : a Retry-After delta parsed from a header is never negative; the clamp is a guard
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
