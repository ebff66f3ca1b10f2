using System.Text.RegularExpressions;
using Routing.Api.V1;
using Routing.Client;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Samples;

/// <summary>
/// The IVR sample as a process against the demo center: a caller keys 2 (Español) and 3 (Facturación) on stdin,
/// hears its place and expected wait behind Inés' call, presses * and is promised a callback. Its own seeded server,
/// so Inés is this class's alone.
/// </summary>
public sealed partial class IvrAdapterEndToEndTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string CallbackNumber = "+34 600 000 333";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_caller_keys_through_the_menus_hears_the_wait_and_takes_a_callback()
    {
        var client = fixture.Server.Client;
        // Inés (billing-es) is offered a call first, so the sample's caller waits with an expected wait to hear.
        await client.Agents.SetStatusAsync(new SetStatusRequest { AgentId = "ines", Status = AgentStatus.Available, RequestId = RoutingClient.NewRequestId() });
        var first = await client.Routing.RouteContactAsync(new RouteContactRequest { RequestId = RoutingClient.NewRequestId(), QueueId = "billing-es", Channel = Channel.Voice, CustomerId = "+34911000001" });
        Assert.Equal((RouteOutcome.Offered, "ines"), (first.Outcome, first.AgentId));

        using var adapter = ExternalProcess.Start("dotnet", [
            SampleAssembly(),
            "--server", fixture.Server.Address,
            "--customer", "+34911000333",
            "--callback-number", CallbackNumber,
        ]);
        await adapter.WaitForOutputAsync("Menu 'welcome': Welcome to Acme. For English, press 1. Para español, pulse 2.", StepTimeout);
        await adapter.WriteLineAsync("2");
        await adapter.WaitForOutputAsync("Menu 'main-es': Para ventas, pulse 1.", StepTimeout);
        await adapter.WriteLineAsync("3");
        await adapter.WaitForOutputAsync("Please hold for billing-es.", StepTimeout);
        await adapter.WaitForOutputAsync("You are next in line; expected wait ", StepTimeout);
        Assert.Matches(NextInLine(), adapter.Output);

        await adapter.WriteLineAsync("*");
        Assert.Equal(0, await adapter.WaitForExitAsync(StepTimeout));
        Assert.Contains($"We will call you back at {CallbackNumber} when an agent is free; you keep your place in line (number 1). Goodbye.", adapter.Output, StringComparison.Ordinal);

        var contactId = ContactLine().Match(adapter.Output).Groups["id"].Value;
        var contact = await client.Routing.GetContactAsync(new GetContactRequest { ContactId = contactId });
        Assert.Equal((ContactState.CallbackScheduled, CallbackNumber, "billing-es"), (contact.State, contact.CallbackNumber, contact.QueueId));
        Assert.Equal([("welcome", "2"), ("main-es", "3")], contact.IvrPath.Select(s => (s.MenuId, s.Digit)));
    }

    // The sample's own build output (the test project references it, so it is built first, in the same
    // configuration): the test binaries lack the sample's own dependencies, which ASP.NET Core's framework covers there.
    private static string SampleAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var path = Path.Combine(Repository.Root(), "samples", "Routing.IvrAdapter", "bin", configuration, framework, "Routing.IvrAdapter.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("the IVR sample is not built", path);
    }

    [GeneratedRegex(@"^You are next in line; expected wait (less than a minute|\d+ minutes?)\.$", RegexOptions.Multiline)]
    private static partial Regex NextInLine();

    [GeneratedRegex(@"^\(contact (?<id>c-[0-9a-f]+): Queued", RegexOptions.Multiline)]
    private static partial Regex ContactLine();
}
