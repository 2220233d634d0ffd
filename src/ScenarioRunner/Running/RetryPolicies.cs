using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>A <see cref="RetrySpec"/> over <see cref="RetryPolicy"/>'s defaults.</summary>
internal static class RetryPolicies
{
    public static RetryPolicy From(RetrySpec spec)
    {
        var policy = new RetryPolicy();
        return policy with
        {
            Total = spec.Total ?? policy.Total,
            BackoffFactor = spec.BackoffFactor ?? policy.BackoffFactor,
            StatusForcelist = spec.StatusForcelist is { } statuses ? statuses.ToHashSet() : policy.StatusForcelist,
            AllowedMethods = spec.AllowedMethods is { } methods ? methods.ToHashSet(StringComparer.OrdinalIgnoreCase) : policy.AllowedMethods,
            RespectRetryAfterHeader = spec.RespectRetryAfterHeader ?? policy.RespectRetryAfterHeader,
            RaiseOnStatus = spec.RaiseOnStatus ?? policy.RaiseOnStatus,
        };
    }

    /// <summary>
    /// A step's own <c>retry:</c>, for that request only (it never outlives it). Its waits run on real time even
    /// in-process, where the session's clock is the server's fake one: a backoff is a real wait.
    /// </summary>
    public static TransportSettings ForOneRequest(RetrySpec spec) => new() { Retries = From(spec), TimeProvider = TimeProvider.System };

    /// <summary>Every http and https URL: the mount prefix for "retry everything this session sends".</summary>
    public const string AllUrls = "http";
}
