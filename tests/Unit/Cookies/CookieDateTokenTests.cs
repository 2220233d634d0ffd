using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>§5.1.1's tokenizing: every edge of the delimiter ranges, and the time token's exact shape.</summary>
public sealed class CookieDateTokenTests
{
    private static readonly DateTimeOffset June9 = new(2021, 6, 9, 10, 18, 14, TimeSpan.Zero);

    // The first and last character of each delimiter range (%x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E).
    [TestCase('\t')]
    [TestCase(' ')]
    [TestCase('/')]
    [TestCase(';')]
    [TestCase('@')]
    [TestCase('[')]
    [TestCase('`')]
    [TestCase('{')]
    [TestCase('~')]
    public void Each_edge_of_the_delimiter_ranges_separates_tokens(char delimiter) =>
        CookieDateParser.Parse(string.Join(delimiter, "Wed", "09", "Jun", "2021", "10:18:14", "GMT")).ShouldBe(June9);

    // Just outside the ranges: ':' (%x3A) and the letters and digits around them join tokens, so the date breaks.
    [TestCase(':')]
    [TestCase('0')]
    [TestCase('A')]
    public void A_character_outside_the_delimiter_ranges_joins_tokens(char notDelimiter) =>
        CookieDateParser.Parse($"Wed, 09{notDelimiter}Jun 2021 10:18:14 GMT").ShouldBeNull();

    [Test]
    public void A_time_may_be_followed_by_non_digits_in_its_token() =>
        CookieDateParser.Parse("Wed, 09 Jun 2021 10:18:14Z GMT").ShouldBe(June9);

    [Test]
    public void A_time_followed_by_a_third_seconds_digit_is_no_time() =>
        CookieDateParser.Parse("Wed, 09 Jun 2021 10:18:145 GMT").ShouldBeNull();

    [Test]
    public void A_time_field_has_at_most_two_digits() =>
        CookieDateParser.Parse("Wed, 09 Jun 2021 010:18:14 GMT").ShouldBeNull();

    [Test]
    public void A_time_needs_its_colons() =>
        CookieDateParser.Parse("Wed, 09 Jun 2021 101814 GMT").ShouldBeNull();

    [Test]
    public void One_digit_time_fields_are_a_time() =>
        CookieDateParser.Parse("Wed, 09 Jun 2021 1:2:3 GMT").ShouldBe(new DateTimeOffset(2021, 6, 9, 1, 2, 3, TimeSpan.Zero));
}
