using ScenarioRunner.Checks;
using ScenarioRunner.Model;
using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>Sends one request step and judges it: expectError, the expect checks, then the captures.</summary>
internal static class RequestStep
{
    public static async Task<StepResult> RunAsync(Step step, RequestSpec spec, StepContext context, CancellationToken cancellationToken)
    {
        var oneOff = spec.OneOff ? context.Sessions.Create(new SessionSettings()) : null;
        var owner = oneOff ?? context.Sessions[spec.Session];
        try
        {
            var session = owner.Session;
            var (message, options) = RequestFactory.Build(spec, context.Variables);
            var before = owner.Transport.Sent;
            HttpResponseMessage? response = null;
            Exception? error = null;
            var body = "";
            try
            {
                response = await session.SendAsync(message, options, cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or InvalidOperationException or TaskCanceledException
                                           or LoginFailedException)
            {
                error = e;
            }
            var outcome = new StepOutcome(response, body, owner.Session.Cookies, owner.Transport.Sent - before, context.Target.Clock.GetUtcNow(), error);
            var failures = Judge(step, outcome, context.Variables);
            var exchange = ExchangeRecord.From(response, body, owner.Session.Cookies, outcome.Now);
            var narration = error is null ? null : $"error: {ErrorNames.Of(error)}: {error.Message}";
            return new StepResult(step.Index, step.Line, step.Describe(), failures.Count == 0 ? Verdict.Passed : Verdict.Failed, failures, exchange)
                { Narration = narration };
        }
        finally
        {
            if (oneOff is not null) await oneOff.DisposeAsync();
        }
    }

    private static List<string> Judge(Step step, StepOutcome outcome, Variables variables)
    {
        var failures = new List<string>();
        if (step.ExpectError is { } expectedError)
        {
            if (outcome.Error is null)
                failures.Add($"error: expected {expectedError}, actual status {(int?)outcome.Response?.StatusCode}");
            else if (ErrorNames.Of(outcome.Error) != expectedError)
                failures.Add($"error: expected {expectedError}, actual {ErrorNames.Of(outcome.Error)}: {outcome.Error.Message}");
        }
        else if (outcome.Error is { } error)
        {
            failures.Add($"request failed: {ErrorNames.Of(error)}: {error.Message}");
            return failures;
        }
        if (step.Expect is { } expect)
            failures.AddRange(ExpectationChecks.From(expect, variables).Select(c => c.Verify(outcome)).OfType<string>());
        if (failures.Count == 0)
            failures.AddRange(step.Captures.Select(c => Capturer.Capture(c, outcome, variables)).OfType<string>());
        return failures;
    }
}
