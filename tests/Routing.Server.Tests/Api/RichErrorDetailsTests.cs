using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Routing.Api.V1;

namespace Routing.Server.Tests.Api;

/// <summary>INVALID_ARGUMENT for one field carries a google.rpc.BadRequest naming it, and the protos say which fields are required.</summary>
[Collection(ServerCollection.Name)]
public sealed class RichErrorDetailsTests(ServerFixture fixture)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public async Task A_bad_field_comes_with_a_bad_request_field_violation_naming_it()
    {
        var center = new Center(fixture.Server.Client);
        var queue = await center.QueueAsync("rich-errors", Channel.Voice);
        var request = new RouteContactRequest { RequestId = Routing.Client.RoutingClient.NewRequestId(), Channel = Channel.Voice, CustomerId = "c1", QueueId = queue };
        request.RequiredSkills.Add(new SkillRequirement { Skill = "billing", MinLevel = 5 });
        request.RequiredSkills.Add(new SkillRequirement { Skill = "spanish", MinLevel = 11 });

        var refusal = await Assert.ThrowsAsync<RpcException>(() => fixture.Server.Client.Routing.RouteContactAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        var status = refusal.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(refusal.Status.Detail, status.Message);
        var violation = Assert.Single(Assert.Single(status.Details).Unpack<BadRequest>().FieldViolations);
        Assert.Equal("required_skills[1].min_level", violation.Field);
        Assert.Equal("proficiency 11 for skill 'spanish' is out of range 1-10", violation.Description);
    }

    [Fact]
    public async Task Every_method_refuses_an_empty_request_naming_a_field_its_proto_marks_required()
    {
        var required = ProtoRequiredFields.Read();
        using var channel = GrpcChannel.ForAddress(fixture.Server.Address);
        var invoker = channel.CreateCallInvoker();
        var checkedMethods = new List<string>();
        var services = new[] { global::Routing.Api.V1.Routing.Descriptor, Agents.Descriptor, Admin.Descriptor, Supervisor.Descriptor, Feedback.Descriptor };

        foreach (var method in services.SelectMany(service => service.Methods))
        {
            if (!required.TryGetValue(method.InputType.Name, out var fields) || fields.Count == 0)
            {
                continue;
            }

            var refusal = await Assert.ThrowsAsync<RpcException>(() => CallWithEmptyRequest(invoker, method));

            Assert.True(refusal.StatusCode == StatusCode.InvalidArgument, $"{method.FullName}: {refusal.Status}");
            var violation = Assert.Single(Assert.Single(refusal.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations);
            Assert.True(fields.Contains(violation.Field), $"{method.FullName} refused '{violation.Field}', which {method.InputType.Name} does not mark required ({string.Join(", ", fields)})");
            checkedMethods.Add(method.Name);
        }

        // Every method that takes an id: a miscount here means a proto lost its markers.
        Assert.True(checkedMethods.Count >= 25, $"only {checkedMethods.Count} methods checked: {string.Join(", ", checkedMethods)}");
    }

    // An empty message is zero bytes on the wire, so any method can be called without its generated client.
    private static async Task CallWithEmptyRequest(CallInvoker invoker, MethodDescriptor method)
    {
        var type = method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary;
        var call = new Method<byte[], byte[]>(type, method.Service.FullName, method.Name, Bytes, Bytes);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        if (method.IsServerStreaming)
        {
            using var stream = invoker.AsyncServerStreamingCall(call, null, options, []);
            await stream.ResponseStream.MoveNext();
            return;
        }

        await invoker.AsyncUnaryCall(call, null, options, []).ResponseAsync;
    }
}
