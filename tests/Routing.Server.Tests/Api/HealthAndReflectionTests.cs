using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using Routing.Server.Hosting;

namespace Routing.Server.Tests.Api;

/// <summary>
/// The standard gRPC health and reflection services, called with their standard clients as grpcurl, Postman and
/// Kubernetes' probes call them: no token, no .proto file.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HealthAndReflectionTests(ServerFixture fixture) : IDisposable
{
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(fixture.Server.Address);

    [Fact]
    public async Task A_running_server_is_serving_overall_for_each_service_and_alive()
    {
        var health = new HealthClient(channel);
        foreach (var service in (string[])["", .. RoutingHealthExtensions.RouterServices, RoutingHealthExtensions.LivenessService])
        {
            var answer = await health.CheckAsync(new HealthCheckRequest { Service = service });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
        }

        var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "routing.v1.Nothing" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Reflection_lists_the_services_and_describes_their_methods_without_the_proto_files()
    {
        var reflection = new ServerReflection.ServerReflectionClient(channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "routing.v1.Routing" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext());
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Superset(new HashSet<string>([.. RoutingHealthExtensions.RouterServices, "grpc.health.v1.Health"]), services.ToHashSet());

        // The descriptors the server sends are enough to build the contract: its file and every file it imports.
        Assert.True(await call.ResponseStream.MoveNext());
        var files = FileDescriptor.BuildFromByteStrings(
            DependenciesFirst(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto), new ExtensionRegistry());
        var routing = files.SelectMany(f => f.Services).Single(s => s.FullName == "routing.v1.Routing");
        var route = routing.FindMethodByName("RouteContact");
        Assert.Equal("routing.v1.RouteContactRequest", route.InputType.FullName);
        Assert.NotNull(route.InputType.FindFieldByName("customer_id"));
    }

    public void Dispose() => channel.Dispose();

    // FileDescriptor wants every file after the files it imports; reflection sends them in no promised order.
    private static List<ByteString> DependenciesFirst(IEnumerable<ByteString> sent)
    {
        var byName = sent.ToDictionary(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name, bytes => bytes);
        var ordered = new List<ByteString>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Place(string name)
        {
            if (!byName.TryGetValue(name, out var bytes) || !placed.Add(name))
            {
                return;
            }

            foreach (var dependency in FileDescriptorProto.Parser.ParseFrom(bytes).Dependency)
            {
                Place(dependency);
            }

            ordered.Add(bytes);
        }

        foreach (var name in byName.Keys)
        {
            Place(name);
        }

        return ordered;
    }
}
