namespace SessionClient;

/// <summary>Something that logs a session in (a form, a JSON API…); used by <see cref="ReloginPolicy"/>.</summary>
public interface ILoginFlow
{
    Task LoginAsync(HttpSession session, CancellationToken cancellationToken);
}
