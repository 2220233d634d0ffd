using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SessionClient.Logging;

namespace SessionClient.Retries;

/// <summary>
/// The transport settings of one mount as a Polly pipeline: an optional per-attempt timeout inside an optional
/// retry whose every decision (retry or not, how long to wait) comes from the request's <see cref="RetryBudget"/>.
/// Built once per mount; the budget travels in the resilience context.
/// </summary>
internal sealed class MountedTransport
{
    // The keys' texts only need to differ from one another (each key also has its own type): one renamed alone changes nothing.
    // Stryker disable once String : see above
    private static readonly ResiliencePropertyKey<RetryBudget> BudgetKey = new("SessionClient.RetryBudget");
    // Stryker disable once String : see above
    private static readonly ResiliencePropertyKey<Uri> UrlKey = new("SessionClient.Url");
    // Stryker disable once String : see above
    private static readonly ResiliencePropertyKey<ILogger> LoggerKey = new("SessionClient.Logger");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _clock;

    /// <param name="sessionClock">The session's clock; backoff waits and attempt timeouts run on the settings' own
    /// <see cref="TransportSettings.TimeProvider"/> when they name one.</param>
    public MountedTransport(TransportSettings settings, TimeProvider sessionClock)
    {
        Settings = settings;
        _clock = settings.TimeProvider ?? sessionClock;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        if (settings.Retries is not null)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = int.MaxValue, // the budget decides
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(BudgetKey, null!).ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(BudgetKey, null!).DelayBefore(args.Outcome)),
                OnRetry = args =>
                {
                    // Stryker disable once Statement : Polly 8 disposes a discarded result itself before the delay; this states the intent and does not rely on it
                    args.Outcome.Result?.Dispose(); // frees the connection for the next attempt
                    LogRetry(args.Context, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        if (settings.AttemptTimeout is { } timeout) builder.AddTimeout(timeout);
        _pipeline = builder.Build();
    }

    public TransportSettings Settings { get; }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, Func<CancellationToken, Task<HttpResponseMessage>> attempt,
        ILogger logger, CancellationToken cancellationToken)
    {
        var policy = Settings.Retries;
        var budget = policy is null ? null : new RetryBudget(policy, method, _clock);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (budget is not null) context.Properties.Set(BudgetKey, budget);
        context.Properties.Set(UrlKey, url);
        context.Properties.Set(LoggerKey, logger);
        try
        {
            var response = await _pipeline.ExecuteAsync(static async (ctx, send) => await send(ctx.CancellationToken), context, attempt);
            if (budget is { Exhausted: true, LastError: ErrorKind.Status } && policy!.RaiseOnStatus)
            {
                response.Dispose();
                throw new RetryExhaustedException(Redaction.Url(url), budget.Attempts, budget.LastStatus, $"too many {budget.LastStatus} responses");
            }
            return response;
        }
        catch (Exception e) when (budget is { Exhausted: true } && e is not RetryExhaustedException)
        {
            throw new RetryExhaustedException(Redaction.Url(url), budget.Attempts, budget.LastStatus,
                $"too many {budget.LastError.ToString().ToLowerInvariant()} errors, the last: {e.Message}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"{method} {Redaction.Url(url)}: an attempt took longer than {Settings.AttemptTimeout}.", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static void LogRetry(ResilienceContext context, TimeSpan wait)
    {
        var logger = context.Properties.GetValue(LoggerKey, null!);
        // Stryker disable once Statement,Boolean : the source-generated log methods check the level again; this only saves building the budget's text
        if (!logger.IsEnabled(LogLevel.Debug)) return;
        var url = context.Properties.GetValue(UrlKey, null!);
        var budget = context.Properties.GetValue(BudgetKey, null!);
        SessionLog.Retry(logger, url.PathAndQuery, budget.ToString());
        // urllib3 sleeps without a word; a reader of the log (or a class) wants to see the wait and its cause.
        SessionLog.RetryWait(logger, wait.TotalSeconds, budget.Attempts, budget.WaitReason);
    }
}
