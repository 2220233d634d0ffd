using SessionClient;

namespace ScenarioRunner.Running;

/// <summary>What one request step produced, for the checks and captures to look at.</summary>
public sealed record StepOutcome(HttpResponseMessage? Response, string Body, CookieJar Jar, int Attempts, DateTimeOffset Now, Exception? Error);
