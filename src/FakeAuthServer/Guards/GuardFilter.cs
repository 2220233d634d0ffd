namespace FakeAuthServer.Guards;

/// <summary>Runs a <see cref="GuardRule"/> in front of an endpoint's handler, and hands the handler the caller it let through.</summary>
internal sealed class GuardFilter(GuardRule rule) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (await rule.CheckAsync(context.HttpContext) is { } refusal) return refusal;
        if (context.HttpContext.GetAuthenticatedCaller() is { } caller)
            for (var i = 0; i < context.Arguments.Count; i++)
                if (context.Arguments[i] is AuthenticatedCaller) context.Arguments[i] = caller;
        return await next(context);
    }
}
