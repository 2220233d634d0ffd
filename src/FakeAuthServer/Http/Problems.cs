namespace FakeAuthServer.Http;

/// <summary>RFC 9457 problem-details answers for bad input: always a 4xx with a sentence that says what to fix.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Of(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A missing-fields problem naming each (name, value) pair whose value is null; null when none is.</summary>
    public static IResult? IfMissing(params (string Name, string? Value)[] fields) =>
        fields.Where(f => f.Value is null).Select(f => f.Name).ToArray() is { Length: > 0 } missing ? MissingFields(missing) : null;

    public static IResult MissingFields(params string[] fields) =>
        TypedResults.ValidationProblem(
            fields.ToDictionary(f => f, f => new[] { $"The {f} field is required." }),
            detail: $"Send {string.Join(" and ", fields)}.",
            title: "Missing fields");

    public static IResult UnsupportedMediaType(string accepted) =>
        Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as {accepted}.");
}
