using System.Globalization;
using System.Text;

namespace FakeAuthServer.Http;

/// <summary>
/// Rewrites compact JSON to the escaping of Python's json.dumps (ensure_ascii), which httpbin's answers show: every
/// non-ASCII character as \u with four lowercase hex digits (a surrogate pair beyond the BMP), and the \u escapes
/// System.Text.Json wrote in lowercase too. Only string contents change: JSON's own structure is ASCII.
/// </summary>
internal static class PythonJsonEscaping
{
    public static byte[] Apply(byte[] utf8Json)
    {
        if (Ascii.IsValid(utf8Json) && utf8Json.AsSpan().IndexOf("\\u"u8) < 0) return utf8Json;
        var json = Encoding.UTF8.GetString(utf8Json);
        var output = new StringBuilder(json.Length + 16);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '\\' && i + 1 < json.Length)
            {
                output.Append(c).Append(json[++i]);
                if (json[i] == 'u' && i + 4 < json.Length)
                {
                    output.Append(json.AsSpan(i + 1, 4).ToString().ToLowerInvariant());
                    i += 4;
                }
            }
            else if (c > 0x7E)
            {
                output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append(c);
            }
        }
        return Encoding.ASCII.GetBytes(output.ToString());
    }
}
