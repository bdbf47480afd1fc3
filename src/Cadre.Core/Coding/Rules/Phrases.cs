namespace Cadre.Core.Coding.Rules;

/// <summary>
/// The clauses of a reason repeat down an extract: "the post requires a clinical scientist", "all the time is in Nuclear
/// Medicine", "T1Q is a retired T-matrix code…". Each is built once per distinct set of facts and reused, so coding a
/// million rows does not build a million copies of the same words. Bounded, so memory stays flat.
/// </summary>
internal static class Phrases
{
    private const int Limit = 16_384;

    /// <summary>
    /// The phrase <paramref name="make"/> builds from <paramref name="facts"/>. The facts must decide the phrase entirely,
    /// and their first item names the phrase (callers pass a tag, so two sites with the same fact types never share).
    /// Pass a static lambda: nothing is captured per call.
    /// </summary>
    public static string Of<TFacts>(TFacts facts, Func<TFacts, string> make) where TFacts : notnull, IEquatable<TFacts>
    {
        // One memo per thread: deciders side by side never wait on each other, and a plain dictionary is cheaper to ask.
        var memo = Memo<TFacts>.Items ??= new Dictionary<TFacts, string>();
        if (memo.TryGetValue(facts, out var phrase)) return phrase;
        phrase = make(facts);
        if (memo.Count < Limit) memo[facts] = phrase;
        return phrase;
    }

    private static class Memo<TFacts> where TFacts : notnull
    {
        [ThreadStatic] public static Dictionary<TFacts, string>? Items;
    }
}
