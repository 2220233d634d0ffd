namespace FakeAuthServer.Http;

/// <summary>RFC 9457 problem-details answers for bad input: always a 4xx with a sentence that says what to fix.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult MissingFields(params string[] fields) =>
        TypedResults.ValidationProblem(
            fields.ToDictionary(f => f, f => new[] { $"The {f} field is required." }),
            detail: $"Send {string.Join(" and ", fields)}.",
            title: "Missing fields");

    public static IResult UnsupportedMediaType(string accepted) =>
        Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as {accepted}.");
}
