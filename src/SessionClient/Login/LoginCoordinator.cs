namespace SessionClient.Login;

/// <summary>
/// One login at a time per session. Each request notes the login generation it started under; when it meets an
/// expired session it logs in only if no other request has done so since, so N concurrent failures cost one login.
/// The login flow's own requests never trigger a re-login.
/// </summary>
internal sealed class LoginCoordinator
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AsyncLocal<bool> _inLogin = new();
    private int _generation;

    public int Generation => Volatile.Read(ref _generation);

    public bool InLogin => _inLogin.Value;

    public async Task LoginAsync(HttpSession session, ILoginFlow flow, int seenGeneration, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Generation != seenGeneration) return; // someone logged in after this request went out
            _inLogin.Value = true;
            try
            {
                await flow.LoginAsync(session, cancellationToken);
            }
            finally
            {
                _inLogin.Value = false;
            }
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _gate.Release();
        }
    }
}
