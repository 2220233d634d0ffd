using System.Globalization;
using FakeAuthServer.Flaky;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Endpoints;

/// <summary>GET /flaky (seed 002): 500 {"detail":"Server error"} or 200 {"message":"Success"}; 500 is by design.</summary>
internal static class FlakyEndpoint
{
    public static IResult Handle(HttpRequest request, FlakyDice dice, IOptions<FakeAuthOptions> options)
    {
        var failureRate = options.Value.Flaky.FailureRate;
        if (request.Query.TryGetValue("failure_rate", out var rateText) &&
            (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out failureRate) ||
             double.IsNaN(failureRate) || failureRate is < 0 or > 1))
            return Problems.BadRequest($"failure_rate must be a number between 0 and 1 (was '{rateText}').");

        int? seed = null;
        if (request.Query.TryGetValue("seed", out var seedText))
        {
            if (!int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s))
                return Problems.BadRequest($"seed must be a 32-bit integer (was '{seedText}').");
            seed = s;
        }

        return dice.Fails(failureRate, seed)
            ? FixedBodies.Problem(FixedBodies.FlakyServerError, StatusCodes.Status500InternalServerError)
            : FixedBodies.Json200(FixedBodies.FlakySuccess);
    }
}
