namespace Routing.Core.Tests;

public sealed class IvrGraphRulesTests
{
    private static IvrMenu Menu(string defaultDigit, params IvrOption[] options) =>
        new("prompt", options, TimeSpan.FromSeconds(5), 2, defaultDigit);

    private static IvrOption To(string digit, string submenu) => new(digit, $"to {submenu}", submenu, null);

    private static IvrOption Route(string digit) => new(digit, "queue", null, new IvrRoute("q", [], 10, null));

    [Fact]
    public void Menus_that_all_reach_a_route_and_whose_defaults_end_in_a_route_are_valid()
    {
        var menus = new Dictionary<string, IvrMenu>
        {
            ["main"] = Menu("1", To("1", "sub"), To("9", "main")),
            ["sub"] = Menu("2", To("1", "main"), Route("2")),
        };

        Assert.Null(IvrGraphRules.Validate(menus));
    }

    [Fact]
    public void A_cycle_without_an_exit_is_refused_naming_its_menus()
    {
        var menus = new Dictionary<string, IvrMenu>
        {
            ["main"] = Menu("1", To("1", "a"), Route("2")),
            ["a"] = Menu("1", To("1", "b")),
            ["b"] = Menu("1", To("1", "a"), To("2", "b")),
        };

        Assert.Equal("menus 'a', 'b' lead only to each other: a caller there can never reach a route", IvrGraphRules.Validate(menus));
    }

    [Fact]
    public void Default_keys_that_loop_are_refused_even_when_other_keys_reach_a_route()
    {
        var menus = new Dictionary<string, IvrMenu>
        {
            ["main"] = Menu("1", To("1", "sub"), Route("2")),
            ["sub"] = Menu("1", To("1", "main"), Route("2")),
        };

        Assert.Equal("the default keys loop through 'main' -> 'sub' -> 'main': a silent caller would never reach a route", IvrGraphRules.Validate(menus));
    }

    [Fact]
    public void A_submenu_that_does_not_exist_is_refused()
    {
        var menus = new Dictionary<string, IvrMenu> { ["main"] = Menu("2", To("1", "gone"), Route("2")) };

        Assert.Equal("menu 'main' digit '1' leads to menu 'gone', which does not exist", IvrGraphRules.Validate(menus));
    }

    [Fact]
    public void Depth_counts_key_presses_to_the_deepest_menu_by_the_shortest_way()
    {
        // A chain main -> m1 -> m2 -> m3 with a shortcut from main to m2, and a loop back to main from m3.
        var menus = new Dictionary<string, IvrMenu>
        {
            ["main"] = Menu("9", To("1", "m1"), To("2", "m2"), Route("9")),
            ["m1"] = Menu("9", To("1", "m2"), Route("9")),
            ["m2"] = Menu("9", To("1", "m3"), Route("9")),
            ["m3"] = Menu("9", To("0", "main"), Route("9")),
        };

        Assert.Equal(2, IvrGraphRules.Depth(menus, "main"));
        Assert.Equal(3, IvrGraphRules.Depth(menus, "m1"));
        Assert.Equal(0, IvrGraphRules.Depth(new Dictionary<string, IvrMenu> { ["alone"] = Menu("9", Route("9")) }, "alone"));
    }
}
