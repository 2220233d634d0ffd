using System.Globalization;
using System.Text;
using SessionClient.IO;

namespace SessionClient.CookieFiles;

/// <summary>Reads a cookie file's text with a size bound: a huge file or a symlink to /dev/zero fails fast and cheaply.</summary>
internal static class CookieFileReader
{
    public static string ReadAllText(string path, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        // A regular file tells its size up front; a device or a pipe is found out by reading one byte past the limit.
        var length = file.CanSeek ? file.Length : 0;
        var bytes = length > maxBytes ? null
            : BoundedRead.ToMemoryAsync(file, maxBytes, length, CancellationToken.None).GetAwaiter().GetResult();
        if (bytes is null)
            throw new CookieFileException(path, 0, string.Create(CultureInfo.InvariantCulture,
                $"the file is larger than MaxCookieFileBytes ({maxBytes} bytes), far more than a full jar needs; pass a larger maxBytes to Load if it is really a cookie file."));
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
