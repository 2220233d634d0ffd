using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

public sealed class PublicSuffixListTests
{
    private static readonly PublicSuffixList Rules = PublicSuffixList.Parse("""
        // comment
        com
        uk
        co.uk
        *.ck
        !www.ck
        公司.cn
        """);

    [TestCase("com", true)]
    [TestCase("example.com", false)]
    [TestCase("co.uk", true)]
    [TestCase("example.co.uk", false)]
    [TestCase("anything.ck", true)]
    [TestCase("www.ck", false)]
    [TestCase("ck", true)]
    [TestCase("unlisted", true)]
    [TestCase("xn--55qx5d.cn", true)]
    public void Suffix_rules_wildcards_and_exceptions_apply(string domain, bool isSuffix)
    {
        Rules.IsPublicSuffix(domain).ShouldBe(isSuffix);
    }

    [TestCase("a.b.example.co.uk", "example.co.uk")]
    [TestCase("shop.anything.ck", "shop.anything.ck")]
    [TestCase("a.www.ck", "www.ck")]
    [TestCase("co.uk", null)]
    public void Registrable_domain_is_the_suffix_plus_one_label(string domain, string? expected)
    {
        Rules.GetRegistrableDomain(domain).ShouldBe(expected);
    }

    [Test]
    public void Default_list_is_debian_file_when_installed_otherwise_the_fallback()
    {
        var expected = File.Exists(PublicSuffixList.DebianPath) ? PublicSuffixList.DebianPath : "built-in fallback";

        PublicSuffixList.Default.Source.ShouldBe(expected);
        PublicSuffixList.Default.IsPublicSuffix("co.uk").ShouldBeTrue();
        TestContext.Out.WriteLine($"Public suffix list: {PublicSuffixList.Default.Source} ({PublicSuffixList.Default.RuleCount} rules)");
    }
}
