namespace FakeAuthServer.Admin.Inspector;

/// <summary>Where the inspector lives under /_admin (Routes.cs maps it with the rest of the admin API and its guard).</summary>
internal static class InspectorRoutes
{
    public const string Page = "/_admin/inspector";
    public const string Events = Page + "/events";

    public static bool IsInspector(PathString path) => path.StartsWithSegments(Page, StringComparison.OrdinalIgnoreCase);
}
