using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>
/// Values a scenario cannot spell out because they are derived: <c>{{totp:BASE32SECRET}}</c> (the 6-digit code at
/// the target's clock, which is what the server checks against) and <c>{{pkce_challenge:VERIFIER}}</c> (RFC 7636 S256).
/// Both come from the client library, as any user's test would compute them.
/// </summary>
public static class TemplateFunctions
{
    public static string Call(string name, string argument, TimeProvider clock) => name switch
    {
        "totp" => TotpCode(argument, clock),
        "pkce_challenge" => Pkce.S256Challenge(argument),
        _ => throw new StepFailure($"unknown template function '{name}' (known: totp, pkce_challenge)"),
    };

    private static string TotpCode(string secret, TimeProvider clock)
    {
        try
        {
            if (Totp.Base32Decode(secret).Length > 0) return Totp.Code(secret, clock.GetUtcNow());
        }
        catch (FormatException)
        {
        }
        throw new StepFailure($"totp: '{secret}' is not a Base32 secret");
    }
}
