using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Routing.Client;

/// <summary>
/// Attaches the token provider as every call's credentials, so it is asked (asynchronously) once per call, retries
/// included. Per-call credentials rather than channel credentials: gRPC composes call credentials only with TLS
/// channel credentials, and a loopback router over plaintext is the development default.
/// </summary>
internal sealed class BearerTokenInterceptor : Interceptor
{
    private readonly CallCredentials credentials;

    public BearerTokenInterceptor(Func<CancellationToken, ValueTask<string?>> tokenProvider)
    {
        credentials = CallCredentials.FromInterceptor(async (context, metadata) =>
        {
            if (await tokenProvider(context.CancellationToken).ConfigureAwait(false) is { Length: > 0 } token)
            {
                metadata.Add("authorization", $"Bearer {token}");
            }
        });
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    // A caller that gave a call credentials of its own keeps them.
    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class =>
        context.Options.Credentials is null
            ? new(context.Method, context.Host, context.Options.WithCredentials(credentials))
            : context;
}
