namespace FakeAuthServer.Flaky;

/// <summary>How a designed /flaky failure shows itself (?mode=, FakeAuth:Flaky:Mode).</summary>
public enum FlakyMode
{
    /// <summary>An HTTP answer with the failure status (the default).</summary>
    Answer,

    /// <summary>No answer at all: the connection is aborted, so the client sees a read/connection error.</summary>
    Reset,
}
