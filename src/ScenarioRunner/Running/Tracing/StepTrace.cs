namespace ScenarioRunner.Running.Tracing;

/// <summary>
/// What one session's transport and logger saw, collected until the step that caused it takes it
/// (<see cref="Drain"/>). The transport and the logger write from the request's flow, one at a time, but not
/// necessarily on one thread: hence the lock.
/// </summary>
internal sealed class StepTrace
{
    private readonly List<TraceEntry> _entries = [];
    private readonly Lock _lock = new();

    public void Add(TraceEntry entry)
    {
        lock (_lock) _entries.Add(entry);
    }

    public IReadOnlyList<TraceEntry> Drain()
    {
        lock (_lock)
        {
            var taken = _entries.ToList();
            _entries.Clear();
            return taken;
        }
    }
}
