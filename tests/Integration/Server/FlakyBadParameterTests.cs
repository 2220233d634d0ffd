namespace SessionKit.Tests.Integration.Server;

/// <summary>Each bad /flaky parameter gets a 400 whose detail names it (MalformedRequestTests covers the shape).</summary>
public class FlakyBadParameterTests : ServerTestBase
{
    [TestCase("failure_rate=2", "failure_rate")]
    [TestCase("seed=x", "seed")]
    [TestCase("fail_first=-3", "fail_first")]
    [TestCase("status=418", "status")]
    [TestCase("retry_after=tomorrow", "retry_after")]
    [TestCase("delay=20000", "delay")]
    [TestCase("mode=drop", "mode")]
    public async Task The_problem_detail_names_the_bad_parameter_and_echoes_its_value(string query, string parameter)
    {
        var response = await Client.GetAsync($"/flaky?{query}");

        ((int)response.StatusCode).ShouldBe(400);
        var detail = (await JsonOf(response)).GetProperty("detail").GetString().ShouldNotBeNull();
        detail.ShouldStartWith(parameter + " must be");
        detail.ShouldContain($"(was '{query[(query.IndexOf('=') + 1)..]}')");
    }
}
