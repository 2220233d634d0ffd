using System.Text;
using System.Text.Json;
using FakeAuthServer.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeAuthServer.Endpoints.Httpbin;

/// <summary>
/// httpbin's view of a request body: "form" (url-encoded or multipart fields), "files" (multipart parts with a
/// filename), "data" (the raw body unless it was a form) and "json" (the body parsed as JSON, else null). Text that
/// is not UTF-8 is shown as a data: URL with base64, as httpbin's json_safe does. Names keep their case and order.
/// </summary>
internal sealed record RequestBody(
    SortedDictionary<string, object> Form, SortedDictionary<string, object> Files, string Data, JsonElement? Json)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>The body, or a 400 problem when a multipart body names no boundary.</summary>
    public static async Task<(RequestBody? Body, IResult? Problem)> ReadAsync(HttpRequest request)
    {
        var form = new List<KeyValuePair<string, string>>();
        var files = new List<KeyValuePair<string, string>>();
        var data = "";
        JsonElement? json = null;

        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType);
        var mediaType = contentType?.MediaType.Value;
        if (string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(contentType!.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
                return (null, Problems.BadRequest("A multipart/form-data body needs a boundary parameter in its Content-Type."));
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
                var bytes = buffer.ToArray();
                // httpbin lists only the first file of each name (its get_files reads files.items()).
                if (disposition.IsFileDisposition())
                {
                    if (files.All(f => f.Key != name))
                        files.Add(new(name, JsonSafe(bytes, section.ContentType is { Length: > 0 } t ? t : "application/octet-stream")));
                }
                else
                    form.Add(new(name, Encoding.UTF8.GetString(bytes)));
            }
        }
        else
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            var bytes = buffer.ToArray();
            if (string.Equals(mediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                form = RawQuery.Parse(Encoding.UTF8.GetString(bytes));
            else
            {
                data = JsonSafe(bytes, "application/octet-stream");
                json = ParseJson(bytes);
            }
        }
        return (new RequestBody(Flatten(form), Flatten(files), data, json), null);
    }

    /// <summary>UTF-8 text as it is; anything else as data:{type};base64,… (RFC 2397).</summary>
    public static string JsonSafe(byte[] bytes, string contentType)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return $"data:{contentType};base64,{Convert.ToBase64String(bytes)}";
        }
    }

    private static JsonElement? ParseJson(byte[] bytes)
    {
        if (bytes.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>httpbin's semiflatten: one value as itself, several as a list, in the order sent.</summary>
    private static SortedDictionary<string, object> Flatten(List<KeyValuePair<string, string>> pairs)
    {
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var group in pairs.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var values = group.Select(p => p.Value).ToArray();
            result[group.Key] = values.Length == 1 ? values[0] : values;
        }
        return result;
    }
}
