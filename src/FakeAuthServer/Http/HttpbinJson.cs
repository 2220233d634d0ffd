using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace FakeAuthServer.Http;

/// <summary>
/// JSON as httpbin 0.7.0 (Flask's jsonify) writes it: compact, keys sorted, a trailing newline,
/// strings escaped as Python's (ASCII only, <see cref="PythonJsonEscaping"/>), <c>Content-Type: application/json</c>
/// with no charset, and a Content-Length.
/// </summary>
internal static class HttpbinJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(object body, int status = StatusCodes.Status200OK) =>
        new Bytes(Serialize(body), "application/json", status);

    /// <summary>The body bytes: compact, every object's keys in ordinal order (Python's sort_keys), then "\n".</summary>
    public static byte[] Serialize(object body)
    {
        var element = JsonSerializer.SerializeToElement(body, Options);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteSorted(writer, element);
        buffer.WriteByte((byte)'\n');
        return PythonJsonEscaping.Apply(buffer.ToArray());
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                // Sorting positions (ties kept in order, as a stable sort would), not OrderBy: a cold start
                // JIT-compiles every generic instantiation it touches, and LINQ's sorter over a struct is many.
                var properties = new JsonProperty[element.GetPropertyCount()];
                var order = new int[properties.Length];
                var count = 0;
                foreach (var property in element.EnumerateObject()) { order[count] = count; properties[count++] = property; }
                Array.Sort(order, (a, b) => string.CompareOrdinal(properties[a].Name, properties[b].Name) is var byName and not 0 ? byName : a - b);
                foreach (var index in order)
                {
                    var property = properties[index];
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteSorted(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>A fixed body with its Content-Length (so HEAD answers carry the same length as GET).</summary>
    internal sealed class Bytes(byte[] body, string contentType, int status = StatusCodes.Status200OK) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.StatusCode = status;
            if (status == StatusCodes.Status304NotModified) return Task.CompletedTask; // Werkzeug drops the entity headers
            // /response-headers may have added Content-Type values already: Werkzeug sends its own first, then those.
            response.Headers.ContentType = StringValues.Concat(contentType, response.Headers.ContentType);
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body).AsTask();
        }

        public static Bytes Text(string text, string contentType, int status = StatusCodes.Status200OK) =>
            new(Encoding.UTF8.GetBytes(text), contentType, status);
    }
}
