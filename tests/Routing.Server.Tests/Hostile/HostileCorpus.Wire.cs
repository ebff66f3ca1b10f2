using Google.Protobuf;
using Grpc.Core;
using Routing.Api.V1;
using Routing.Server.Tests.Api;

namespace Routing.Server.Tests.Hostile;

public static partial class HostileCorpus
{
    private static HostileCase WireCase(string name, StatusCode expected, string message, string service, string method, byte[] bytes) =>
        Case($"Wire: {name} ({method})", expected, message, c => c.RawAsync(service, method, bytes));

    private static IEnumerable<HostileCase> WireCases()
    {
        const StatusCode Invalid = StatusCode.InvalidArgument;
        const string Malformed = "message is malformed";
        // Tag 1 (request_id, length-delimited) claiming 100 bytes and carrying one.
        byte[] lyingLength = [0x0A, 0x64, 0x41];
        byte[] truncatedVarint = [0x10, 0xFF];
        byte[] invalidUtf8 = [0x0A, 0x02, 0xC3, 0x28];
        byte[] zeroTag = [0x00, 0x01];
        byte[] strayEndGroup = [0x0C];
        // An unknown group nested 1,000 deep: past protobuf's recursion limit of 100.
        var deepNesting = Enumerable.Repeat((byte)0x2B, 1000).ToArray();
        var oversized = new RouteContactRequest { RequestId = "r", CustomerId = "c", QueueId = HostileCallers.QueueId, Attributes = { ["blob"] = new string('b', 300 * 1024) } }.ToByteArray();

        foreach (var (service, method) in new[] { ("Routing", "RouteContact"), ("Agents", "SetStatus"), ("Admin", "UpsertQueue") })
        {
            yield return WireCase("a length longer than the message", Invalid, Malformed, service, method, lyingLength);
            yield return WireCase("a truncated varint", Invalid, Malformed, service, method, truncatedVarint);
            yield return WireCase("a zero tag", Invalid, Malformed, service, method, zeroTag);
            yield return WireCase("nesting 1,000 deep", Invalid, Malformed, service, method, deepNesting);
        }

        yield return WireCase("invalid UTF-8 in a string", Invalid, Malformed, "Routing", "RouteContact", invalidUtf8);
        yield return WireCase("an end-group without a start", Invalid, Malformed, "Routing", "RouteContact", strayEndGroup);
        yield return WireCase("an empty message", Invalid, "request_id is required", "Routing", "RouteContact", []);
        yield return WireCase("a field of the wrong wire type", Invalid, "request_id is required", "Routing", "RouteContact", [0x08, 0x01]);
        yield return WireCase("300 KB", StatusCode.ResourceExhausted, "exceeds the maximum configured message size", "Routing", "RouteContact", oversized);
        yield return WireCase("a message for a stream", Invalid, Malformed, "Supervisor", "ListQueues", lyingLength);
        yield return Case("Streams: one past the caller's limit", StatusCode.ResourceExhausted, $"already has {HostileCorpusFixture.MaxStreamsPerCaller} streams open", FloodStreamsAsync);
    }

    private static async Task FloodStreamsAsync(HostileCallers callers)
    {
        var open = new List<AsyncServerStreamingCall<QueueStatsUpdate>>();
        try
        {
            for (var i = 0; i < HostileCorpusFixture.MaxStreamsPerCaller; i++)
            {
                var stream = callers.Operator.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { HostileCallers.QueueId } });
                await Eventually.Next(stream.ResponseStream, "an admitted stream's first update");
                open.Add(stream);
            }

            await ReadAllAsync(callers.Operator.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { HostileCallers.QueueId } }));
        }
        finally
        {
            open.ForEach(stream => stream.Dispose());
            await Eventually.Get(
                async () =>
                {
                    using var again = callers.Operator.Supervisor.WatchQueueStats(new WatchQueueStatsRequest { QueueIds = { HostileCallers.QueueId } });
                    try
                    {
                        return await again.ResponseStream.MoveNext(CancellationToken.None);
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
                    {
                        return false;
                    }
                },
                admitted => admitted,
                "the flood's places freed once its streams closed");
        }
    }
}
