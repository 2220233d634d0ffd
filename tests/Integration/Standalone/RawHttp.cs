using System.Net.Sockets;
using System.Text;

namespace SessionKit.Tests.Integration.Standalone;

/// <summary>
/// Bytes straight onto a socket, for requests HttpClient refuses to send (broken chunked framing); the answer is
/// read until the server closes the connection or goes quiet.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Text);

    public static async Task<Answer> SendAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, quiet.Token)) > 0) received.Write(buffer, 0, read);
        }
        catch (OperationCanceledException) { }
        catch (IOException) { } // a reset after the answer still leaves the answer

        var text = Encoding.Latin1.GetString(received.ToArray());
        text.ShouldStartWith("HTTP/1.1 ", customMessage: $"no HTTP answer to:\n{request}");
        return new Answer(int.Parse(text.AsSpan(9, 3)), text);
    }
}
