namespace FakeAuthServer.Auth.Lockout;

/// <summary>FakeAuth:Lockout — how many wrong passwords for one user inside a window lock that user out, and for how long.</summary>
public sealed class LockoutOptions
{
    public bool Enabled { get; set; } = true;
    public int MaxFailures { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
