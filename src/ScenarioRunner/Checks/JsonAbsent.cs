namespace ScenarioRunner.Checks;

/// <summary>
/// The plain word <c>absent</c> as a value under <c>expect.json</c>: that property must not be there
/// (<c>json: { cookies: { first: absent } }</c>). Quoted, <c>"absent"</c> is the text absent.
/// </summary>
internal sealed class JsonAbsent
{
    public static readonly JsonAbsent Instance = new();
    public const string Word = "absent";

    private JsonAbsent() { }

    public override string ToString() => Word;
}
