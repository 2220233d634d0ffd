using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeAuthServer.Http;

/// <summary>httpbin pretty-prints its JSON with two-space indents; so do the httpbin-style endpoints here.</summary>
internal static class HttpbinJson
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object body) => Results.Json(body, Indented);
}
