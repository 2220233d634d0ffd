using FakeAuthServer.Options;

namespace FakeAuthServer.Flaky;

/// <summary>The FakeAuth:Flaky settings checks, with the same limits the query parameters have.</summary>
internal static class FlakyOptionsChecks
{
    private const string Prefix = FakeAuthOptions.Section + ":Flaky:";

    public static void AddErrors(FlakyOptions flaky, List<string> errors)
    {
        if (double.IsNaN(flaky.FailureRate) || flaky.FailureRate is < 0 or > 1)
            errors.Add($"{Prefix}FailureRate must be between 0 and 1 (was {flaky.FailureRate}).");
        if (flaky.FailFirst is < 0)
            errors.Add($"{Prefix}FailFirst must be 0 or more (was {flaky.FailFirst}).");
        if (!FailureStatuses.IsAllowed(flaky.Status))
            errors.Add($"{Prefix}Status must be one of {FailureStatuses.Described} (was {flaky.Status}).");
        if (flaky.RetryAfter is { Length: > 0 } retryAfter && !RetryAfterValue.TryNormalize(retryAfter, out _))
            errors.Add($"{Prefix}RetryAfter must be whole seconds from 0 to {RetryAfterValue.MaxSeconds} or an HTTP date (was '{retryAfter}').");
        if (flaky.Delay < TimeSpan.Zero || flaky.Delay > TimeSpan.FromMilliseconds(FlakyParameters.MaxDelayMilliseconds))
            errors.Add($"{Prefix}Delay must be from 0 to {FlakyParameters.MaxDelayMilliseconds} ms (was {flaky.Delay}).");
        if (!Enum.IsDefined(flaky.Mode))
            errors.Add($"{Prefix}Mode must be Answer or Reset (was {flaky.Mode}).");
    }
}
