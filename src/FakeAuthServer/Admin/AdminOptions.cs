namespace FakeAuthServer.Admin;

/// <summary>FakeAuth:Admin — the admin API is off unless enabled (or the server is started with --admin).</summary>
public sealed class AdminOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// The admin API has no authentication: with it on, the server refuses to listen beyond loopback and serves only
    /// loopback Host values unless this is set (or --admin-any-address is given).
    /// </summary>
    public bool AllowAnyAddress { get; set; }

    /// <summary>How many recent requests GET /_admin/requests keeps.</summary>
    public int JournalSize { get; set; } = 500;
}
