using FakeAuthServer.Http;
using Microsoft.Extensions.Primitives;

namespace FakeAuthServer.Auth.Forms;

/// <summary>Reads an HTML form post; malformed bodies become 400 through BadRequestExceptionHandler.</summary>
internal static class FormFields
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            return (null, Problems.UnsupportedMediaType("application/x-www-form-urlencoded or multipart/form-data"));
        return (await request.ReadFormAsync(request.HttpContext.RequestAborted), null);
    }

    public static string? Single(this IFormCollection form, string name) =>
        form.TryGetValue(name, out StringValues values) && values.Count > 0 ? values[0] : null;
}
