namespace FakeAuthServer.Guards;

/// <summary>Runs a <see cref="GuardRule"/> in front of an endpoint's handler.</summary>
internal sealed class GuardFilter(GuardRule rule) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await rule.CheckAsync(context.HttpContext) is { } refusal ? refusal : await next(context);
}
