using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Client;
using IvrGraphRules = Routing.Core.IvrGraphRules;

namespace Routing.Server.Tests.Api;

/// <summary>Menus that would trap or misroute a caller are refused when saved, and the refusal changes nothing.</summary>
[Collection(ServerCollection.Name)]
public sealed class IvrMenuAdminTests(ServerFixture fixture)
{
    private RoutingClient Client => fixture.Server.Client;

    [Fact]
    public async Task Menus_that_would_trap_a_caller_are_refused_and_the_saved_menus_stay_as_they_were()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("ivr-target", Channel.Voice);
        var main = center.Id("main");
        var sub = center.Id("sub");
        await Client.Admin.UpsertIvrMenuAsync(Menu(sub, "1", ToQueue("1", queue)));
        await Client.Admin.UpsertIvrMenuAsync(Menu(main, "2", ToMenu("1", sub), ToQueue("2", queue)));

        // sub's only way out would become main, whose only way out is sub... once main also loses its route.
        await Client.Admin.UpsertIvrMenuAsync(Menu(sub, "1", ToMenu("1", main), ToQueue("2", queue)));
        var trapped = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(main, "1", ToMenu("1", sub))).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, trapped.StatusCode);
        Assert.Contains("default keys loop", trapped.Status.Detail, StringComparison.Ordinal);

        var loop = center.Id("loop");
        var cycle = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(loop, "1", ToMenu("1", loop), ToMenu("2", main))).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, cycle.StatusCode);

        var badDigit = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(center.Id("bad"), "A", ToQueue("A", queue))).ResponseAsync);
        Assert.Equal((StatusCode.InvalidArgument, "digit 'A' is not one of 0-9, * or #"), (badDigit.StatusCode, badDigit.Status.Detail));
        var unknownQueue = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(center.Id("lost"), "1", ToQueue("1", "no-such-queue"))).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknownQueue.StatusCode);
        var unknownMenu = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(center.Id("dangling"), "2", ToMenu("1", "no-such-menu"), ToQueue("2", queue))).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknownMenu.StatusCode);

        var inUse = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.RemoveIvrMenuAsync(new RemoveIvrMenuRequest { MenuId = sub }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, inUse.StatusCode);
        Assert.Contains($"menu '{main}' digit '1' leads to menu '{sub}'", inUse.Status.Detail, StringComparison.Ordinal);

        // Nothing refused was saved: main still routes "2" to the queue.
        var session = center.Id("session");
        var routed = await Client.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "n1", SessionId = session, MenuId = main, Digits = "2" });
        Assert.Equal(queue, routed.Destination.QueueId);
    }

    [Fact]
    public async Task A_menu_reaching_deeper_than_the_limit_is_refused_and_one_at_the_limit_is_saved()
    {
        var center = new Center(Client);
        var queue = await center.QueueAsync("ivr-deep", Channel.Voice);
        // Built from the deepest up, each leading one level further down: level 0 reaches level N in N presses.
        var levels = Enumerable.Range(0, IvrGraphRules.MaxDepth + 2).Select(i => center.Id($"level{i}")).ToList();
        await Client.Admin.UpsertIvrMenuAsync(Menu(levels[^1], "1", ToQueue("1", queue)));
        for (var i = levels.Count - 2; i >= 1; i--)
        {
            await Client.Admin.UpsertIvrMenuAsync(Menu(levels[i], "2", ToMenu("1", levels[i + 1]), ToQueue("2", queue)));
        }

        var tooDeep = await Assert.ThrowsAsync<RpcException>(() => Client.Admin.UpsertIvrMenuAsync(Menu(levels[0], "2", ToMenu("1", levels[1]), ToQueue("2", queue))).ResponseAsync);
        Assert.Equal(
            (StatusCode.InvalidArgument, $"menus reached from '{levels[0]}' are {IvrGraphRules.MaxDepth + 1} key presses deep; at most {IvrGraphRules.MaxDepth} are allowed"),
            (tooDeep.StatusCode, tooDeep.Status.Detail));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.Routing.NavigateIvrAsync(new NavigateIvrRequest { RequestId = "d1", SessionId = center.Id("s"), MenuId = levels[0] }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    private static IvrMenuConfig Menu(string menuId, string defaultDigit, params IvrOption[] options)
    {
        var menu = new IvrMenuConfig { MenuId = menuId, Prompt = $"menu {menuId}", Timeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)), MaxRetries = 1, DefaultDigit = defaultDigit };
        menu.Options.Add(options);
        return menu;
    }

    private static IvrOption ToMenu(string digit, string menuId) => new() { Digit = digit, Label = $"to {menuId}", SubmenuId = menuId };

    private static IvrOption ToQueue(string digit, string queueId) => new() { Digit = digit, Label = $"queue {queueId}", Route = new IvrRoute { QueueId = queueId } };
}
