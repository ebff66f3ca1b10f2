namespace Routing.Core.Tests;

public sealed class IvrNavigatorTests
{
    private static readonly IvrLanguage Spanish = new("es", new SkillRequirement("spanish", 5));

    private static readonly IvrMenu Welcome = new(
        "For English press 1, para espanol pulse 2",
        [
            new IvrOption("1", "English", "main-en", null, new IvrLanguage("en", new SkillRequirement("english", 5))),
            new IvrOption("2", "Espanol", "main-es", null, Spanish),
        ],
        TimeSpan.FromSeconds(5),
        MaxRetries: 2,
        DefaultDigit: "1");

    private static readonly IvrMenu MainEs = new(
        "Ventas 1, facturacion 3, devolucion de llamada 9",
        [
            new IvrOption("1", "Ventas", null, new IvrRoute("sales-es", [new SkillRequirement("sales", 3)], 10, null)),
            new IvrOption("3", "Facturacion", null, new IvrRoute("billing-es", [new SkillRequirement("billing", 5)], 20, null)),
            new IvrOption("9", "Devolucion de llamada", null, new IvrRoute("billing-es", [new SkillRequirement("billing", 5)], 10, null, IvrRouteKind.Callback)),
        ],
        TimeSpan.FromSeconds(5),
        MaxRetries: 1,
        DefaultDigit: "1");

    private static IvrMenu MenuOf(IvrSessionState session) => session.CurrentMenuId == "welcome" ? Welcome : MainEs;

    private static IvrSessionState Press(IvrSessionState session, params char?[] keys) =>
        keys.Aggregate(session, (s, key) => IvrNavigator.Press(s, MenuOf(s), key));

    [Fact]
    public void Digits_lead_through_a_submenu_to_a_route_that_requires_the_chosen_language()
    {
        var session = Press(IvrSessionState.StartAt("welcome"), '2', '3');

        Assert.Equal(IvrRouteKind.Queue, session.Destination!.Kind);
        Assert.Equal([new SkillRequirement("billing", 5), new SkillRequirement("spanish", 5)], session.Destination!.RequiredSkills);
        Assert.Equal(("billing-es", 20, "es"), (session.Destination.QueueId, session.Destination.Priority, session.Destination.Language));
        Assert.Equal(
            [new IvrStep("welcome", "2", "Espanol", false), new IvrStep("main-es", "3", "Facturacion", false)],
            session.Path);
    }

    [Fact]
    public void A_language_skill_the_route_already_names_is_not_added_twice()
    {
        var menu = MainEs with { Options = [new IvrOption("1", "Ventas", null, new IvrRoute("sales-es", [new SkillRequirement("spanish", 8)], 10, "es"))] };
        var session = IvrNavigator.Press(IvrSessionState.StartAt("welcome") with { CurrentMenuId = "main-es", Language = Spanish }, menu, '1');

        Assert.Equal([new SkillRequirement("spanish", 8)], session.Destination!.RequiredSkills);
    }

    [Fact]
    public void Timeouts_and_invalid_keys_repeat_the_prompt_up_to_the_retries_then_take_the_default()
    {
        var start = IvrSessionState.StartAt("welcome");

        var first = Press(start, (char?)null);
        Assert.Equal(("welcome", 1, IvrNavigator.NoInput, 1), (first.CurrentMenuId, first.Failures, first.Notice, IvrNavigator.RetriesLeft(first, Welcome)));
        var second = Press(first, '7');
        Assert.Equal(("welcome", 2, "'7' is not an option", 0), (second.CurrentMenuId, second.Failures, second.Notice, IvrNavigator.RetriesLeft(second, Welcome)));
        var third = Press(second, (char?)null);

        Assert.Equal(("main-en", 0), (third.CurrentMenuId, third.Failures));
        Assert.Equal([new IvrStep("welcome", "1", "English", ByDefault: true)], third.Path);
        Assert.Contains("after 3 tries", third.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_callback_option_ends_in_a_callback_destination_and_later_keys_change_nothing()
    {
        var session = Press(IvrSessionState.StartAt("welcome"), '2', '9');
        var after = Press(session, '1');

        Assert.Equal(IvrRouteKind.Callback, session.Destination!.Kind);
        Assert.Same(session, after);
    }
}
