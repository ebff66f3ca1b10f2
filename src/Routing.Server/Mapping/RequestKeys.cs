using System.Security.Cryptography;
using Google.Protobuf;

namespace Routing.Server.Mapping;

/// <summary>
/// A request's id with a fingerprint of the rest of it: a hash of the message as sent, its request_id left out, so
/// a retry (the same message again) matches and a reused id with other content does not.
/// </summary>
public static class RequestKeys
{
    private const int FingerprintBytes = 12;
    private const string RequestIdField = "request_id";

    /// <summary>The key of <paramref name="request"/>, or null when it carries no request id (nothing to match a retry by).</summary>
    public static RequestKey? Of<T>(T request)
        where T : IMessage<T>
    {
        ArgumentNullException.ThrowIfNull(request);
        var field = request.Descriptor.FindFieldByName(RequestIdField)
            ?? throw new ArgumentException($"{request.Descriptor.Name} has no {RequestIdField}", nameof(request));
        var requestId = (string)field.Accessor.GetValue(request);
        if (requestId.Length == 0)
        {
            return null;
        }

        RequestValidation.Id(requestId, RequestIdField);

        // The handler owns the message: the id is taken out for the hash and put back, rather than the message cloned.
        field.Accessor.Clear(request);
        var hash = SHA256.HashData(request.ToByteArray());
        field.Accessor.SetValue(request, requestId);
        return new RequestKey(requestId, Convert.ToHexStringLower(hash.AsSpan(0, FingerprintBytes)));
    }

    /// <summary>The key of <paramref name="request"/>, which must carry a request id: INVALID_ARGUMENT when it has none.</summary>
    public static RequestKey Required<T>(T request)
        where T : IMessage<T> =>
        Of(request) ?? RequestValidation.Fail<RequestKey>(RequestIdField, RequestIdField + " is required");
}
