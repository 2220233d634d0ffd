using FakeAuthServer.Endpoints.Httpbin;

namespace SessionKit.Tests.Unit.Server;

public class StatusCodesParsingTests
{
    [TestCase("200", new[] { 200 })]
    [TestCase("200,500", new[] { 200, 500 })]
    [TestCase("200:0.9, 500:0.1", new[] { 200, 500 })]
    [TestCase("599", new[] { 599 })]
    public void Valid_code_lists_parse(string text, int[] codes)
    {
        StatusEndpoint.TryParse(text, out var choices, out _).ShouldBeTrue();
        choices.Select(c => c.Code).ShouldBe(codes);
    }

    [TestCase("199")]
    [TestCase("600")]
    [TestCase("-200")]
    [TestCase("+200")]
    [TestCase("2e2")]
    [TestCase("200:0")]
    [TestCase("200:NaN")]
    [TestCase("200:Infinity")]
    [TestCase("200:-Infinity")]
    [TestCase("200:-1")]
    [TestCase("200:-0")]
    [TestCase("200:1e309")]
    [TestCase("200:1e308,201:1e308")]
    [TestCase(",")]
    [TestCase("")]
    public void Invalid_code_lists_are_refused_with_a_reason(string text)
    {
        StatusEndpoint.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
    }
}
