namespace FakeAuthServer.Hosting;

/// <summary>
/// <c>--cert-out PATH</c>: once the server listens, the certificate it generated for https (GeneratedHttpsCertificate)
/// is written to PATH as PEM, so curl --cacert, Python's verify= and other clients can trust it. The file is
/// written whole or not at all (a temporary file moved into place).
/// </summary>
internal static class CertificateOut
{
    public const string Switch = "--cert-out";

    /// <summary>The path given with --cert-out PATH or --cert-out=PATH, and the arguments without it.</summary>
    public static (string? Path, string[] Others) Take(string[] args)
    {
        string? path = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == Switch && i + 1 < args.Length) path = args[++i];
            else if (args[i].StartsWith(Switch + "=", StringComparison.Ordinal)) path = args[i][(Switch.Length + 1)..];
            else rest.Add(args[i]);
        }
        return (path, [.. rest]);
    }

    /// <summary>Writes the PEM when the server has started; a server that generated none says so and stops.</summary>
    public static void WriteWhenStarted(WebApplication app, string path) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var generated = app.Services.GetRequiredService<GeneratedHttpsCertificate>();
        if (generated.Sha256 is null)
        {
            Fail(app, $"FakeAuthServer cannot write {Switch} {path}: no https address uses a generated certificate " +
                      "(give one in --urls, e.g. https://127.0.0.1:8443, without Kestrel:Certificates).");
            return;
        }
        try
        {
            var full = Path.GetFullPath(path);
            var temporary = full + ".tmp";
            File.WriteAllText(temporary, generated.Certificate.ExportCertificatePem() + "\n");
            File.Move(temporary, full, overwrite: true);
            Console.WriteLine($"Wrote the generated https certificate (SHA-256 {generated.Sha256}) to {full}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(app, $"FakeAuthServer cannot write {Switch} {path}: {e.Message}");
        }
    });

    private static void Fail(WebApplication app, string message)
    {
        Console.Error.WriteLine(message);
        Environment.ExitCode = 1;
        app.Lifetime.StopApplication();
    }
}
