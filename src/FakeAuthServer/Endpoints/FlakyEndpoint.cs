using FakeAuthServer.Flaky;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Endpoints;

/// <summary>
/// GET /flaky (seed 002): 500 {"detail":"Server error"} or 200 {"message":"Success"}; the failure is by design.
/// The query steers it (see <see cref="FlakyParameters"/>): who fails when (failure_rate and seed, or fail_first
/// per client), how (status, retry_after, mode=reset) and how late (delay, on the server's clock).
/// </summary>
internal static class FlakyEndpoint
{
    public static ValueTask<IResult> Handle(HttpContext context, FlakyDice dice, IOptions<FakeAuthOptions> options,
        TimeProvider clock)
    {
        if (!FlakyParameters.TryParse(context.Request.Query, options.Value.Flaky, out var parameters, out var error))
            return new(Problems.BadRequest(error));

        // Decide on arrival, before any delay, so counters and seeded sequences follow the order requests came in.
        ValueTask<bool> decision;
        if (parameters.FailFirst is { } failures)
        {
            if (!ClientKey.TryFrom(context, out var client, out error)) return new(Problems.BadRequest(error));
            decision = dice.FailFirst.FailsAsync(client, failures, context.RequestAborted); // shared counters are remote
        }
        else
        {
            decision = new(dice.Fails(parameters.FailureRate, parameters.Seed));
        }

        return decision.IsCompletedSuccessfully
            ? Respond(context, dice, clock, parameters, decision.Result)
            : RespondWhenDecidedAsync(decision, context, dice, clock, parameters);
    }

    private static async ValueTask<IResult> RespondWhenDecidedAsync(ValueTask<bool> decision, HttpContext context,
        FlakyDice dice, TimeProvider clock, FlakyParameters parameters) =>
        await Respond(context, dice, clock, parameters, await decision);

    // Without a delay the answer is synchronous: no state machine on the hot path.
    private static ValueTask<IResult> Respond(HttpContext context, FlakyDice dice, TimeProvider clock,
        FlakyParameters parameters, bool fails) =>
        parameters.Delay > TimeSpan.Zero
            ? AnswerAfterDelayAsync(context, dice.Delays, clock, parameters, fails)
            : new(Answer(context, parameters, fails));

    private static async ValueTask<IResult> AnswerAfterDelayAsync(HttpContext context, Clock.ClockWaits delays,
        TimeProvider clock, FlakyParameters parameters, bool fails)
    {
        try
        {
            await delays.WaitAsync(parameters.Delay, clock, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the client gave up waiting; nobody is left to answer
        }
        return Answer(context, parameters, fails);
    }

    private static IResult Answer(HttpContext context, in FlakyParameters parameters, bool fails)
    {
        if (!fails) return FixedBodies.Json200(FixedBodies.FlakySuccess);
        if (parameters.Mode == FlakyMode.Reset)
        {
            context.Abort(); // no status line at all: the client sees a dropped connection
            return Results.Empty;
        }
        return new FlakyFailure(parameters.Status, parameters.RetryAfter);
    }
}
