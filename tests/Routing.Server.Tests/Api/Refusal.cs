using Grpc.Core;

namespace Routing.Server.Tests.Api;

/// <summary>Asserts that a call was refused with a status and a message that says why.</summary>
internal static class Refusal
{
    public static async Task<RpcException> Refused(StatusCode expected, Func<Task> call, string messageContains)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        Assert.Contains(messageContains, error.Status.Detail, StringComparison.Ordinal);
        return error;
    }
}
