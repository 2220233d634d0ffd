using System.Globalization;
using FakeAuthServer.Options;
using Microsoft.Extensions.Primitives;

namespace FakeAuthServer.Flaky;

/// <summary>
/// One /flaky request's settings: each query parameter given, else the configured default (FakeAuth:Flaky).
/// FailFirst, when set, decides instead of FailureRate and Seed. Parsing refuses anything malformed with a
/// sentence naming the parameter, so bad input is a 400, never a 500.
/// </summary>
public readonly record struct FlakyParameters(
    double FailureRate, int? Seed, int? FailFirst, int Status, string? RetryAfter, TimeSpan Delay, FlakyMode Mode)
{
    public const int MaxDelayMilliseconds = 10_000;

    internal static bool TryParse(IQueryCollection query, FlakyOptions defaults, out FlakyParameters parameters, out string error)
    {
        parameters = default;
        error = "";

        var failureRate = defaults.FailureRate;
        if (query.TryGetValue("failure_rate", out var rateText) &&
            (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out failureRate) ||
             double.IsNaN(failureRate) || failureRate is < 0 or > 1))
            return Fail($"failure_rate must be a number between 0 and 1 (was '{rateText}').", out error);

        var seed = defaults.Seed;
        if (query.TryGetValue("seed", out var seedText))
        {
            if (!TryInt(seedText, out var s)) return Fail($"seed must be a 32-bit integer (was '{seedText}').", out error);
            seed = s;
        }

        // Query beats configuration: a request naming failure_rate or seed opts out of a configured FailFirst.
        var failFirst = query.ContainsKey("failure_rate") || query.ContainsKey("seed") ? null : defaults.FailFirst;
        if (query.TryGetValue("fail_first", out var failFirstText))
        {
            if (!TryInt(failFirstText, out var n) || n < 0)
                return Fail($"fail_first must be a whole number of requests, 0 or more (was '{failFirstText}').", out error);
            failFirst = n;
        }

        var status = defaults.Status;
        if (query.TryGetValue("status", out var statusText) &&
            (!TryInt(statusText, out status) || !FailureStatuses.IsAllowed(status)))
            return Fail($"status must be one of {FailureStatuses.Described} (was '{statusText}').", out error);

        // Configuration turns a JSON null into "", so an empty default means none.
        var retryAfter = string.IsNullOrEmpty(defaults.RetryAfter) ? null : defaults.RetryAfter;
        if (query.TryGetValue("retry_after", out var retryAfterText)) retryAfter = retryAfterText.ToString();
        if (retryAfter is not null && !RetryAfterValue.TryNormalize(retryAfter, out retryAfter))
            return Fail($"retry_after must be whole seconds from 0 to {RetryAfterValue.MaxSeconds} or an HTTP date like " +
                        $"'Sun, 06 Nov 1994 08:49:37 GMT' (was '{retryAfterText}').", out error);

        var delay = defaults.Delay;
        if (query.TryGetValue("delay", out var delayText))
        {
            if (!TryInt(delayText, out var ms) || ms is < 0 or > MaxDelayMilliseconds)
                return Fail($"delay must be whole milliseconds from 0 to {MaxDelayMilliseconds} (was '{delayText}').", out error);
            delay = TimeSpan.FromMilliseconds(ms);
        }

        var mode = defaults.Mode;
        if (query.TryGetValue("mode", out var modeText))
        {
            if (string.Equals(modeText, "answer", StringComparison.OrdinalIgnoreCase)) mode = FlakyMode.Answer;
            else if (string.Equals(modeText, "reset", StringComparison.OrdinalIgnoreCase)) mode = FlakyMode.Reset;
            else return Fail($"mode must be 'answer' or 'reset' (was '{modeText}').", out error);
        }

        parameters = new(failureRate, seed, failFirst, status, retryAfter, delay, mode);
        return true;
    }

    private static bool TryInt(StringValues text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
