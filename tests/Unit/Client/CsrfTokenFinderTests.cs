using SessionClient;

namespace SessionKit.Tests.Unit.Client;

public class CsrfTokenFinderTests
{
    [TestCase("""<form><input type="hidden" name="csrf_token" value="t-csrf"></form>""", "csrf_token", "t-csrf")]
    [TestCase("""<form><input type="hidden" name="_token" value="t-laravel"></form>""", "_token", "t-laravel")]
    [TestCase("""<form><input name="authenticity_token" value="t-rails" type="hidden"/></form>""", "authenticity_token", "t-rails")]
    [TestCase("""<form><input type='hidden' name='csrfmiddlewaretoken' value='t-django'></form>""", "csrfmiddlewaretoken", "t-django")]
    [TestCase("""<head><meta name="csrf-token" content="t-meta"></head>""", "csrf_token", "t-meta")]
    [TestCase("""<head><meta name="_csrf" content="t-spring"></head>""", "_csrf", "t-spring")]
    [TestCase("""<script>window.app = { csrf_token: "t-in-a-script-1234" };</script>""", "csrf_token", "t-in-a-script-1234")]
    public void The_token_is_found_wherever_login_pages_put_it(string html, string field, string value) =>
        CsrfTokenFinder.Find(html).ShouldBe((field, value));

    [TestCase("<form><input name='username'><input type='password' name='password'></form>")]
    [TestCase("")]
    [TestCase("<<<not html at all")]
    public void A_page_without_a_token_gives_none(string html) => CsrfTokenFinder.Find(html).ShouldBeNull();
}
