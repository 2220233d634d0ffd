namespace FakeAuthServer.Guards;

/// <summary>
/// Routes of your own, mapped after the fake's (register one as a singleton; <c>FakeAuthServerFactory.WithRoutes</c>
/// does). Guard them with <see cref="GuardConventions"/>.
/// </summary>
public sealed class AdditionalRoutes(Action<IEndpointRouteBuilder> map)
{
    internal void MapOnto(IEndpointRouteBuilder endpoints) => map(endpoints);
}
