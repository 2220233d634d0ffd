using ScenarioRunner.Model;
using YamlDotNet.RepresentationModel;

namespace ScenarioRunner.Parsing;

/// <summary>
/// <c>relogin:</c> exactly one of <c>form: {url, username, password, usernameField, passwordField, twoFactorCode, fields}</c>
/// or <c>api: {url, fields}</c>, plus <c>on401</c> (default true) and <c>loginPath</c>.
/// </summary>
internal static class ReloginParser
{
    public static ReloginSpec Parse(YamlNodes nodes, YamlNode node, string what)
    {
        var map = nodes.Mapping(node, $"{what} (form or api, on401, loginPath)");
        ReloginSpec? spec = null;
        bool? on401 = null;
        string? loginPath = null;
        foreach (var (key, keyNode, value) in nodes.Entries(map, what, "form", "api", "on401", "loginPath"))
        {
            switch (key)
            {
                case "on401": on401 = nodes.Bool(value, $"{what}.on401"); break;
                case "loginPath":
                    loginPath = nodes.String(value, $"{what}.loginPath");
                    if (!loginPath.StartsWith('/')) throw nodes.Error(value, $"expected {what}.loginPath to be a path such as /login, found '{loginPath}'");
                    break;
                default:
                    if (spec is not null) throw nodes.Error(keyNode, $"expected {what} to have one of form or api, not both");
                    spec = key == "form" ? Form(nodes, value, $"{what}.form") : Api(nodes, value, $"{what}.api");
                    break;
            }
        }
        if (spec is null) throw nodes.Error(node, $"expected {what} to say how to log in: form {{url, username, password}} or api {{url, fields}}");
        if (on401 == false && loginPath is null)
            throw nodes.Error(node, $"expected {what} to notice a logout somehow: on401 is false and there is no loginPath");
        return spec with { On401 = on401 ?? true, LoginPath = loginPath };
    }

    private static ReloginSpec Form(YamlNodes nodes, YamlNode node, string what)
    {
        var map = nodes.Mapping(node, what);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<KeyValuePair<string, string>> fields = [];
        foreach (var (key, _, value) in nodes.Entries(map, what, "url", "username", "password", "usernameField", "passwordField", "twoFactorCode", "fields"))
        {
            if (key == "fields") fields = nodes.Pairs(value, $"{what}.fields");
            else values[key] = nodes.String(value, $"{what}.{key}");
        }
        foreach (var required in (string[])["url", "username", "password"])
            if (!values.ContainsKey(required)) throw nodes.Error(node, $"expected {what}.{required}");
        return new ReloginSpec
        {
            Kind = LoginKind.Form, Url = values["url"], Username = values["username"], Password = values["password"],
            UsernameField = values.GetValueOrDefault("usernameField"), PasswordField = values.GetValueOrDefault("passwordField"),
            TwoFactorCode = values.GetValueOrDefault("twoFactorCode"), Fields = fields,
        };
    }

    private static ReloginSpec Api(YamlNodes nodes, YamlNode node, string what)
    {
        string? url = null;
        IReadOnlyList<KeyValuePair<string, string>>? fields = null;
        foreach (var (key, _, value) in nodes.Entries(nodes.Mapping(node, what), what, "url", "fields"))
        {
            if (key == "url") url = nodes.String(value, $"{what}.url");
            else fields = nodes.Pairs(value, $"{what}.fields");
        }
        return new ReloginSpec
        {
            Kind = LoginKind.Api,
            Url = url ?? throw nodes.Error(node, $"expected {what}.url (the login endpoint, e.g. /api/login)"),
            Fields = fields ?? throw nodes.Error(node, $"expected {what}.fields (what the login posts, e.g. username and password)"),
        };
    }
}
