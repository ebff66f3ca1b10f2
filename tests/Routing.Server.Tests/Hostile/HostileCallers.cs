using Grpc.Core;
using Grpc.Net.Client;
using Routing.Client;

namespace Routing.Server.Tests.Hostile;

/// <summary>
/// Everyone a corpus case may call as, over real gRPC connections to the corpus server, and the ids of the center
/// the cases aim at.
/// </summary>
public sealed class HostileCallers(string address, Func<string?, RoutingClient> connect, Func<string, string?, string> token) : IDisposable
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private readonly GrpcChannel raw = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxSendMessageSize = null });

    public const string QueueId = "hq";
    public const string AgentId = "ha";
    public const string OtherAgentId = "hb";
    public const string CustomerId = "hcust";
    public const string MenuId = "hmenu";

    /// <summary>Offered to <see cref="AgentId"/>, which is at capacity with it.</summary>
    public string OfferedContactId { get; set; } = string.Empty;

    /// <summary>Waiting in <see cref="QueueId"/> behind the offered one.</summary>
    public string WaitingContactId { get; set; } = string.Empty;

    public RoutingClient Admin { get; } = connect(token("admin", null));

    /// <summary>Admin, supervisor and adapter at once: builds the center and reads it back.</summary>
    public RoutingClient Operator { get; } = connect(token("admin,supervisor,adapter", null));

    public RoutingClient Adapter { get; } = connect(token("adapter", null));

    public RoutingClient Supervisor { get; } = connect(token("supervisor", null));

    /// <summary>The desktop of <see cref="AgentId"/>.</summary>
    public RoutingClient Agent { get; } = connect(token("agent", AgentId));

    /// <summary>The desktop of <see cref="OtherAgentId"/>.</summary>
    public RoutingClient OtherAgent { get; } = connect(token("agent", OtherAgentId));

    public RoutingClient Anonymous { get; } = connect(null);

    public RoutingClient With(string bearerToken) => connect(bearerToken);

    /// <summary>Sends <paramref name="message"/> as they are, framed by gRPC, to <c>routing.v1.Service/Method</c> as the operator.</summary>
    public async Task<byte[]> RawAsync(string service, string method, byte[] message)
    {
        var call = new Method<byte[], byte[]>(MethodType.Unary, $"routing.v1.{service}", method, Bytes, Bytes);
        var headers = new Metadata { { "authorization", $"Bearer {token("admin,supervisor,adapter", null)}" } };
        return await raw.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(headers), message);
    }

    public void Dispose()
    {
        raw.Dispose();
        foreach (var client in new[] { Admin, Operator, Adapter, Supervisor, Agent, OtherAgent, Anonymous })
        {
            client.Dispose();
        }
    }
}
