using FakeAuthServer.Hosting;

return FakeAuthServerHost.Run(args);

/// <summary>Public so that WebApplicationFactory&lt;Program&gt; can host the server in-process.</summary>
public partial class Program;
