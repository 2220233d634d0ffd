namespace FakeAuthServer.Stubs;

/// <summary>A stub mapping file the server cannot use; the message names the file and the problem. The server does not start.</summary>
public sealed class StubMappingException(string message, Exception? inner = null) : Exception(message, inner);
