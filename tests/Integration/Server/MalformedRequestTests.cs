using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SessionKit.Tests.Integration.Server;

/// <summary>
/// Bad input, table-driven: each request gets the 4xx it deserves with a problem-details body, never a 500,
/// and the server answers the next request normally.
/// </summary>
public class MalformedRequestTests : ServerTestBase
{
    private const long BodyLimit = 1024;

    protected override FakeAuthServer.Testing.FakeAuthServerFactory CreateServer() =>
        new FakeAuthServer.Testing.FakeAuthServerFactory().Configure(o => o.MaxRequestBodyBytes = BodyLimit)
            .ConfigureServices(s => s.AddBrokenTransfer());

    public record Case(string Name, int Status, Func<HttpRequestMessage> Make)
    {
        public override string ToString() => Name;
    }

    private static HttpRequestMessage Post(string path, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage Get(string path, string? header = null, string? value = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null) request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    private static HttpRequestMessage Broken(string path, string contentType)
    {
        var request = Post(path, contentType == Json ? "{}" : "username=x", contentType);
        request.Headers.Add(BrokenTransfer.Header, "1");
        return request;
    }

    private static HttpRequestMessage WithCookie(HttpRequestMessage request, string cookie)
    {
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return request;
    }

    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    public static IEnumerable<Case> Cases() =>
    [
        new("login: truncated JSON", 400, () => Post("/api/login", """{"username":""", Json)),
        new("login: JSON array instead of object", 400, () => Post("/api/login", "[1,2]", Json)),
        new("login: JSON number where a string belongs", 400, () => Post("/api/login", """{"username":5,"password":"x"}""", Json)),
        new("login: JSON null", 400, () => Post("/api/login", "null", Json)),
        new("login: JSON nested past the depth limit", 400, () => Post("/api/login", new string('[', 200) + new string(']', 200), Json)),
        new("login: JSON with invalid UTF-8", 400, () => new HttpRequestMessage(HttpMethod.Post, "/api/login")
            { Content = new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]) { Headers = { ContentType = new MediaTypeHeaderValue(Json) } } }),
        new("login: text/plain body", 415, () => Post("/api/login", "username=some_name&password=pass", "text/plain")),
        new("login: no content type", 415, () => Post("/api/login", "username=some_name&password=pass", null)),
        new("login: garbage content type", 415, () => Post("/api/login", "x", ";;;==")),
        new("login: form without password", 400, () => Post("/api/login", "username=some_name", Form)),
        new("login: empty form", 400, () => Post("/api/login", "", Form)),
        new("login: JSON without username", 400, () => Post("/api/login", """{"password":"pass"}""", Json)),
        new("login: multipart without boundary", 400, () => Post("/api/login", "--x\r\n", "multipart/form-data")),
        new("login: truncated multipart", 400, () => Post("/api/login",
            "--b\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nsome_na", "multipart/form-data; boundary=b")),
        new("login: body over the configured limit", 413, () => Post("/api/login", "username=" + new string('a', (int)BodyLimit), Form)),
        new("login: wrong method", 405, () => Get("/api/login")),
        new("login: JSON body whose transfer breaks", 400, () => Broken("/api/login", Json)),
        new("login: form body whose transfer breaks", 400, () => Broken("/api/login", Form)),
        new("protected: garbage Cookie header", 401, () => Get("/protected", "Cookie", ";;; ===; user_id; =x; user_id=\"")),
        new("protected: unknown session id", 401, () => Get("/protected", "Cookie", "user_id=0123456789abcdef0123456789abcdef")),
        new("protected: forged session id", 401, () => Get("/protected", "Cookie", "user_id=../../etc/passwd")),
        new("protected: upper-case hex id", 401, () => Get("/protected", "Cookie", "user_id=0123456789ABCDEF0123456789ABCDEF")),
        new("protected: huge cookie", 401, () => Get("/protected", "Cookie", "user_id=" + new string('f', 8000))),
        new("status: below 200", 400, () => Get("/status/99")),
        new("status: informational", 400, () => Get("/status/100")),
        new("status: above 599", 400, () => Get("/status/600")),
        new("status: overflowing number", 400, () => Get("/status/99999999999999999999")),
        new("status: not a number", 400, () => Get("/status/abc")),
        new("status: negative weight", 400, () => Get("/status/200:-1,500")),
        new("status: NaN weight", 400, () => Get("/status/200:NaN,500")),
        new("status: infinite weight", 400, () => Get("/status/200:Infinity,500")),
        new("status: weights whose sum overflows", 400, () => Get("/status/200:1e308,201:1e308")),
        new("status: too many choices", 400, () => Get("/status/" + string.Join(',', Enumerable.Repeat("200", 40)))),
        new("flaky: failure rate above 1", 400, () => Get("/flaky?failure_rate=2")),
        new("flaky: failure rate not a number", 400, () => Get("/flaky?failure_rate=often")),
        new("flaky: failure rate NaN", 400, () => Get("/flaky?failure_rate=NaN")),
        new("flaky: fractional seed", 400, () => Get("/flaky?seed=1.5")),
        new("flaky: fail_first not a number", 400, () => Get("/flaky?fail_first=twice")),
        new("flaky: fail_first negative", 400, () => Get("/flaky?fail_first=-1")),
        new("flaky: fail_first fractional", 400, () => Get("/flaky?fail_first=1.5")),
        new("flaky: fail_first overflowing", 400, () => Get("/flaky?fail_first=99999999999")),
        new("flaky: fail_first with an overlong X-Client-Id", 400, () => Get("/flaky?fail_first=1", "X-Client-Id", new string('c', 257))),
        new("flaky: status 200 is no failure", 400, () => Get("/flaky?status=200")),
        new("flaky: status outside the allowed set", 400, () => Get("/flaky?status=501")),
        new("flaky: status not a number", 400, () => Get("/flaky?status=unavailable")),
        new("flaky: retry_after neither seconds nor a date", 400, () => Get("/flaky?retry_after=soon")),
        new("flaky: retry_after negative", 400, () => Get("/flaky?retry_after=-1")),
        new("flaky: retry_after over an hour", 400, () => Get("/flaky?retry_after=3601")),
        new("flaky: retry_after fractional seconds", 400, () => Get("/flaky?retry_after=1.5")),
        new("flaky: retry_after date with the wrong weekday", 400, () => Get("/flaky?retry_after=Mon,%2006%20Nov%201994%2008:49:37%20GMT")),
        new("flaky: retry_after ISO date", 400, () => Get("/flaky?retry_after=2026-01-01T12:00:00Z")),
        new("flaky: delay negative", 400, () => Get("/flaky?delay=-1")),
        new("flaky: delay over the limit", 400, () => Get("/flaky?delay=10001")),
        new("flaky: delay not a number", 400, () => Get("/flaky?delay=1s")),
        new("flaky: unknown mode", 400, () => Get("/flaky?mode=explode")),
        new("cookies/set: name with a semicolon", 400, () => Get("/cookies/set?bad%3Bname=1")),
        new("cookies/set: value with a control character", 400, () => Get("/cookies/set/a/b%0Dc")),
        new("cookies/delete: invalid name", 400, () => Get("/cookies/delete?a%20b")),
        new("api/cookies: 51 cookies", 400, () => Get("/api/cookies", "Cookie", string.Join("; ", Enumerable.Range(1, 51).Select(i => $"c{i}=1")))),
        new("api/cookies: 3,000 cookies", 400, () => Get("/api/cookies", "Cookie", string.Join("; ", Enumerable.Range(1, 3000).Select(i => $"c{i}=1")))),
        new("basic-auth: not base64", 401, () => Get("/basic-auth/user/passwd", "Authorization", "Basic !!!not-base64")),
        new("basic-auth: base64 of invalid UTF-8", 401, () => Get("/basic-auth/user/passwd", "Authorization", "Basic " + Convert.ToBase64String([0xFF, 0xFE, 0x3A]))),
        new("basic-auth: no colon", 401, () => Get("/basic-auth/user/passwd", "Authorization", "Basic " + Convert.ToBase64String("userpasswd"u8.ToArray()))),
        new("bearer: scheme only", 401, () => Get("/bearer", "Authorization", "Bearer")),
        new("redirect: zero hops", 400, () => Get("/redirect/0")),
        new("redirect: not a number", 400, () => Get("/redirect/many")),
        new("redirect-to: no url (httpbin: 500)", 400, () => Get("/redirect-to")),
        new("redirect/0 (httpbin: 500)", 400, () => Get("/redirect/0")),
        new("relative-redirect: not a number", 400, () => Get("/relative-redirect/x")),
        new("absolute-redirect: past 100 hops", 400, () => Get("/absolute-redirect/101")),
        new("base64: not base64 (httpbin: 500)", 400, () => Get("/base64/not*base64")),
        new("base64: not UTF-8 (httpbin: 500)", 400, () => Get("/base64/__79")),
        new("bytes: not a number", 400, () => Get("/bytes/abc")),
        new("bytes: seed not a number (httpbin: 500)", 400, () => Get("/bytes/5?seed=x")),
        new("stream-bytes: chunk_size not a number (httpbin: 500)", 400, () => Get("/stream-bytes/5?chunk_size=x")),
        new("range: not a number", 400, () => Get("/range/abc")),
        new("stream: not a number", 400, () => Get("/stream/abc")),
        new("links: not a number", 400, () => Get("/links/x")),
        new("links: offset not a number", 400, () => Get("/links/3/x")),
        new("cache: not a number", 400, () => Get("/cache/x")),
        new("etag: non-ASCII", 400, () => Get("/etag/%C3%A9")),
        new("etag: control character", 400, () => Get("/etag/a%0Db")),
        new("response-headers: name with a space", 400, () => Get("/response-headers?bad%20name=x")),
        new("response-headers: value with CR LF", 400, () => Get("/response-headers?X-A=a%0D%0ASet-Cookie:%20x=1")),
        new("response-headers: non-ASCII value", 400, () => Get("/response-headers?X-A=%C3%A9")),
        new("drip: numbytes not a number (httpbin: 500)", 400, () => Get("/drip?numbytes=abc")),
        new("range: duration not a number (httpbin: 500)", 400, () => Get("/range/10?duration=soon")),
        new("range: negative duration", 400, () => Get("/range/10?duration=-1")),
        new("range: chunk_size not a number (httpbin: 500)", 400, () => Get("/range/10?chunk_size=big")),
        new("drip: negative duration", 400, () => Get("/drip?duration=-1")),
        new("drip: duration not finite", 400, () => Get("/drip?duration=inf")),
        new("drip: code out of range (httpbin: 500)", 400, () => Get("/drip?code=99")),
        new("delay: not a number (httpbin: 500)", 400, () => Get("/delay/abc")),
        new("delay: NaN", 400, () => Get("/delay/NaN")),
        new("digest-auth: stale_after with a semicolon", 400, () => Get("/digest-auth/auth/u/p/MD5/a;b")),
        new("digest-auth: garbage Authorization", 401, () => Get("/digest-auth/auth/u/p", "Authorization", "Digest ===,,,\"")),
        new("hidden-basic-auth: garbage Authorization", 404, () => Get("/hidden-basic-auth/u/p", "Authorization", "Basic !!!")),
        new("post: multipart without boundary", 400, () => Post("/post", "--x\r\n", "multipart/form-data")),
        new("post: truncated multipart", 400, () => Post("/post",
            "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nsome_va", "multipart/form-data; boundary=b")),
        new("anything: multipart part without a disposition's end", 400, () => Post("/anything",
            "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n", "multipart/form-data; boundary=b")),
        new("post: body whose transfer breaks", 400, () => Broken("/post", Form)),
        new("anything: JSON body whose transfer breaks", 400, () => Broken("/anything", Json)),
        new("redirect-to: status_code not a number (httpbin: 500)", 400, () => Get("/redirect-to?url=/get&status_code=abc")),
        new("redirect-to: url with CR", 400, () => Get("/redirect-to?url=/a%0Db")),
        new("redirect-to: url with LF", 400, () => Get("/redirect-to?url=/a%0Ab")),
        new("redirect-to: url with NUL", 400, () => Get("/redirect-to?url=/a%00b")),
        new("redirect-to: url with 0x01", 400, () => Get("/redirect-to?url=/a%01b")),
        new("redirect-to: url with DEL", 400, () => Get("/redirect-to?url=/a%7Fb")),
        new("redirect-to: url with the C1 control NEL", 400, () => Get("/redirect-to?url=/a%C2%85b")),
        new("form login: text/plain body", 415, () => Post("/login", "username=some_name&password=pass", "text/plain")),
        new("form login: JSON body", 415, () => Post("/login", "{}", Json)),
        new("form login: multipart without boundary", 400, () => Post("/login", "--x\r\n", "multipart/form-data")),
        new("form login: truncated multipart", 400, () => Post("/login",
            "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nab", "multipart/form-data; boundary=b")),
        new("form login: undecodable urlencoded body", 400, () => Post("/login", "%%%&&==&=x&csrf_token&%00", Form)),
        new("form login: odd but valid form without a csrf token", 403, () => Post("/login", "&&==&=x&csrf_token&username&password=", Form)),
        new("form login: forged csrf cookie and token", 403, () => WithCookie(Post("/login",
            "username=some_name&password=pass&csrf_token=AAAA", Form), "login_csrf=0123456789abcdef0123456789abcdef")),
        new("form login: huge next without a csrf token", 403, () => Post("/login", "next=/" + new string('a', 900), Form)),
        new("form login: body over the configured limit", 413, () => Post("/login", "next=" + new string('a', (int)BodyLimit), Form)),
        new("login page: huge next", 400, () => Get("/login?next=/" + new string('a', 5000))),
        new("login page: wrong method", 405, () => new HttpRequestMessage(HttpMethod.Put, "/login")),
        new("2fa verify: non-digit code", 400, () => Post("/2fa/verify", "code=12a456&csrf_token=x", Form)),
        new("2fa verify: seven digits", 400, () => Post("/2fa/verify", "code=1234567", Form)),
        new("2fa verify: non-ASCII digits", 400, () => Post("/2fa/verify", "code=%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5%D9%A6", Form)),
        new("2fa verify: huge code", 400, () => Post("/2fa/verify", "code=" + new string('1', 900), Form)),
        new("2fa verify: no code", 400, () => Post("/2fa/verify", "csrf_token=x", Form)),
        new("2fa verify: code without a pending login", 401, () => Post("/2fa/verify", "code=123456", Form)),
        new("2fa verify: forged csrf token", 403, () => Post("/2fa/verify", "code=123456&csrf_token=forged", Form)),
        new("2fa verify: JSON body", 415, () => Post("/2fa/verify", """{"code":"123456"}""", Json)),
        new("2fa: wrong method", 405, () => Post("/2fa", "", Form)),
        new("logout: GET", 405, () => Get("/logout")),
        new("dashboard: POST", 405, () => Post("/dashboard", "", Form)),
        new("token login: truncated JSON", 400, () => Post("/api/auth/login", """{"username":""", Json)),
        new("token login: text/plain body", 415, () => Post("/api/auth/login", "username=some_name&password=pass", "text/plain")),
        new("token login: JSON without password", 400, () => Post("/api/auth/login", """{"username":"some_name"}""", Json)),
        new("token login: wrong method", 405, () => Get("/api/auth/login")),
        new("token login: JSON body whose transfer breaks", 400, () => Broken("/api/auth/login", Json)),
        new("token 2fa: JSON body whose transfer breaks", 400, () => Broken("/api/auth/2fa", Json)),
        new("refresh: bad JSON", 400, () => Post("/api/auth/refresh", "{refresh_token:", Json)),
        new("refresh: JSON number for the token", 400, () => Post("/api/auth/refresh", """{"refresh_token":5}""", Json)),
        new("refresh: no refresh_token", 400, () => Post("/api/auth/refresh", "{}", Json)),
        new("refresh: form without refresh_token", 400, () => Post("/api/auth/refresh", "other=x", Form)),
        new("refresh: form with an empty refresh_token", 400, () => Post("/api/auth/refresh", "refresh_token=", Form)),
        new("refresh: no content type", 415, () => Post("/api/auth/refresh", "refresh_token=x", null)),
        new("refresh: JSON body whose transfer breaks", 400, () => Broken("/api/auth/refresh", Json)),
        new("refresh: body over the configured limit", 413, () => Post("/api/auth/refresh", "refresh_token=" + new string('r', (int)BodyLimit), Form)),
        new("me: garbage Authorization header", 401, () => Get("/api/me", "Authorization", "Bearer ;;; ===")),
        new("me: huge bearer token", 401, () => Get("/api/me", "Authorization", "Bearer " + new string('t', 8000))),
        new("me: Basic instead of Bearer", 401, () => Get("/api/me", "Authorization", "Basic c29tZV9uYW1lOnBhc3M=")),
        new("oauth token: body over the configured limit", 413, () => Post("/oauth/token", "grant_type=" + new string('g', (int)BodyLimit), Form)),
        new("userinfo: a JWT-shaped bearer that is not one", 401, () => Get("/oauth/userinfo", "Authorization", "Bearer aaa.bbb.ccc")),
        new("userinfo: huge bearer token", 401, () => Get("/oauth/userinfo", "Authorization", "Bearer " + new string('t', 8000))),
        new("me: a JWT whose signature part is garbage", 401, () => Get("/api/me", "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJqdGkiOiJ4In0.!!!")),
        new("oauth authorize: no client_id", 400, () => Get("/oauth/authorize?response_type=code")),
        new("oauth authorize: unknown client", 400, () => Get("/oauth/authorize?client_id=nobody&response_type=code")),
        new("oauth authorize: repeated client_id", 400, () => Get("/oauth/authorize?client_id=demo-app&client_id=demo-app")),
        new("oauth authorize: POST without a form", 415, () => Post("/oauth/authorize", "{}", Json)),
        new("oauth authorize: huge redirect_uri", 400, () => Get("/oauth/authorize?client_id=demo-app&redirect_uri=" + new string('u', 6000))),
        new("end session: id_token_hint that is not a JWT", 400, () => Get("/oauth/logout?id_token_hint=garbage")),
        new("end session: id_token_hint with a garbage signature", 400, () => Get("/oauth/logout?id_token_hint=eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.!!!")),
        new("end session: huge id_token_hint", 400, () => Get("/oauth/logout?id_token_hint=" + new string('h', 6000))),
        new("end session: repeated state", 400, () => Get("/oauth/logout?state=a&state=b")),
        new("end session: post_logout_redirect_uri without a client", 400, () => Get("/oauth/logout?post_logout_redirect_uri=http://127.0.0.1/signed-out")),
        new("end session: unknown client", 400, () => Get("/oauth/logout?client_id=nobody&post_logout_redirect_uri=http://127.0.0.1/signed-out")),
        new("end session: unregistered post_logout_redirect_uri", 400, () => Get("/oauth/logout?client_id=demo-app&post_logout_redirect_uri=http://evil.example/")),
        new("end session: POST without a form", 415, () => Post("/oauth/logout", "{}", Json)),
        new("unknown route", 404, () => Get("/no/such/thing")),
    ];

    [TestCaseSource(nameof(Cases))]
    public async Task Bad_input_gets_a_4xx_problem_and_the_server_carries_on(Case badRequest)
    {
        var response = await Client.SendAsync(badRequest.Make());

        ((int)response.StatusCode).ShouldBe(badRequest.Status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType.ShouldNotBeNull().MediaType.ShouldBe("application/problem+json");
        var problem = await JsonOf(response);
        if (problem.TryGetProperty("status", out var status)) status.GetInt32().ShouldBe(badRequest.Status);

        (await Client.GetAsync("/get")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
