using Cadre.Core.Intelligence;

namespace Cadre.Core.Tests.Intelligence;

/// <summary>Statistical disclosure control at its boundaries: 0 shown, 1 to 4 hidden, 5 shown.</summary>
public sealed class DisclosureTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, "*")]
    [InlineData(4, "*")]
    [InlineData(5, 5)]
    [InlineData(120, 120)]
    public void Counts_under_control(int count, object expected) => Assert.Equal(expected, Disclosure.Count(count, control: true));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Without_control_small_counts_are_shown(int count) => Assert.Equal(count, Disclosure.Count(count, control: false));

    [Fact]
    public void A_figure_worked_out_from_a_small_count_is_hidden_too()
    {
        Assert.Equal("*", Disclosure.Show(Figure.Wte(3.2m, 4), control: true));
        Assert.Equal(4.2m, Disclosure.Show(Figure.Wte(4.2m, 5), control: true));
        // 3 of 20: the numerator is small, so the rate would give it away.
        Assert.Equal("*", Disclosure.Show(Figure.Percent(3, 20, 3, 20), control: true));
        Assert.Equal(0.0m, Disclosure.Show(Figure.Percent(0, 20, 0, 20), control: true));
        Assert.Equal(25.0m, Disclosure.Show(Figure.Percent(5, 20, 5, 20), control: true));
    }

    [Fact]
    public void No_denominator_is_not_applicable_not_zero()
    {
        Assert.Equal("n/a", Disclosure.Show(Figure.Percent(0, 0, 0, 0), control: true));
        Assert.Equal("n/a", Disclosure.Show(Figure.Ratio(3, 0), control: false));
    }

    [Fact]
    public void Percentages_round_half_away_from_zero_to_one_place() =>
        Assert.Equal(16.7m, Figure.Percent(1, 6).Value); // 16.666…
}
