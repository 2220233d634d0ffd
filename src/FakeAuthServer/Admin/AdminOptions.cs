namespace FakeAuthServer.Admin;

/// <summary>FakeAuth:Admin — the admin API is off unless enabled (or the server is started with --admin).</summary>
public sealed class AdminOptions
{
    public bool Enabled { get; set; }

    /// <summary>How many recent requests GET /_admin/requests keeps.</summary>
    public int JournalSize { get; set; } = 500;
}
