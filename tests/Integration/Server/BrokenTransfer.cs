using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// In-process stand-in for a body whose framing Kestrel cannot parse: a request carrying <see cref="Header"/> gets,
/// ahead of the whole app, a body stream that throws the plain IOException Kestrel throws for a chunk size that
/// overflows. (TestServer never parses chunks, and a failing HttpContent fails on the client side, not the server's.)
/// </summary>
public static class BrokenTransfer
{
    public const string Header = "X-Test-Broken-Transfer";

    public static IServiceCollection AddBrokenTransfer(this IServiceCollection services) =>
        services.AddTransient<IStartupFilter, Filter>();

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.ContainsKey(Header)) context.Request.Body = new ThrowingStream();
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class ThrowingStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("Bad chunk size data.");
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(new IOException("Bad chunk size data."));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(new IOException("Bad chunk size data."));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
