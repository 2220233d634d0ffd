using System.Security.Cryptography;
using System.Text;
using FakeAuthServer.Auth.TwoFactor;

namespace ScenarioRunner.Running;

/// <summary>
/// Values a scenario cannot spell out because they are derived: <c>{{totp:BASE32SECRET}}</c> (the 6-digit code at
/// the target's clock, which is what the server checks against) and <c>{{pkce_challenge:VERIFIER}}</c> (RFC 7636 S256).
/// </summary>
public static class TemplateFunctions
{
    public static string Call(string name, string argument, TimeProvider clock) => name switch
    {
        "totp" => Totp.Code(
            Base32.TryDecode(argument, out var secret) && secret.Length > 0
                ? secret : throw new StepFailure($"totp: '{argument}' is not a Base32 secret"),
            clock.GetUtcNow()),
        "pkce_challenge" => PkceChallenge(argument),
        _ => throw new StepFailure($"unknown template function '{name}' (known: totp, pkce_challenge)"),
    };

    /// <summary>BASE64URL(SHA256(ASCII(verifier))) without padding (RFC 7636 §4.2).</summary>
    public static string PkceChallenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
