using SessionClient.Logging;

namespace SessionKit.Tests.Unit.Client;

public class RedactionTests
{
    [TestCase("Authorization", "Bearer abc.def", "Bearer ***")]
    [TestCase("Proxy-Authorization", "Basic dXNlcjpwdw==", "Basic ***")]
    [TestCase("Authorization", "opaque", "***")]
    [TestCase("Cookie", "a=1; b=2", "a=***; b=***")]
    [TestCase("Set-Cookie", "sid=xyz; Path=/; HttpOnly", "sid=***; Path=/; HttpOnly")]
    [TestCase("Accept", "*/*", "*/*")]
    public void Secret_headers_are_masked_and_others_kept(string name, string value, string expected) =>
        Redaction.Header(name, value).ShouldBe(expected);

    [Test]
    public void Userinfo_is_masked_in_urls() =>
        Redaction.Url(new Uri("http://user:pw@example.com/x")).ShouldNotContain("pw");
}
