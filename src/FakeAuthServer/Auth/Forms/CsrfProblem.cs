using FakeAuthServer.Http;

namespace FakeAuthServer.Auth.Forms;

internal static class CsrfProblem
{
    public static IResult Forbidden() => Problems.Of(StatusCodes.Status403Forbidden, "CSRF check failed",
        $"Send the {CsrfTokens.FieldName} from the form (or the csrf-token meta tag) together with the {CsrfTokens.CookieName} cookie the page set.");
}
