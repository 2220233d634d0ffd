using FakeAuthServer.Http;

namespace SessionKit.Tests.Unit.Server;

public class SetCookieTests
{
    [TestCase("user_id", "2", true)]
    [TestCase("theme", "\"dark\"", true)]
    [TestCase("a b", "1", false)]
    [TestCase("a;b", "1", false)]
    [TestCase("", "1", false)]
    [TestCase("a", "x;y", false)]
    [TestCase("a", "x\u00e9", false)]
    [TestCase("a", "x\ry", false)]
    [TestCase("a", "x,y", false)]
    public void Only_cookies_a_header_can_carry_unchanged_are_echoed(string name, string value, bool echoed) =>
        SetCookie.CanEcho(name, value).ShouldBe(echoed);
}
