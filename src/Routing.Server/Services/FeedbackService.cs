using Routing.Server.Mapping;
using Routing.Grains;

namespace Routing.Server.Services;

/// <summary>The survey systems' API: a customer's answer for a finished contact.</summary>
public sealed class FeedbackService(GrainReferences grains) : Proto.Feedback.FeedbackBase
{
    public override async Task<Proto.Contact> RecordFeedback(Proto.RecordFeedbackRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = grains.Get<IContactGrain>(RequestValidation.Id(request.ContactId, "contact_id"));
        var feedback = new CustomerFeedback(request.HasCsat ? request.Csat : null, request.HasNps ? request.Nps : null, RequestValidation.Text(request.Comment, "comment", InputLimits.MaxLongTextLength, multiline: true));
        if (feedback.Problem() is { } problem)
        {
            GrpcErrors.InvalidArgument(problem);
        }

        var view = GrpcErrors.ValueOrThrow(await contact.RecordFeedback(feedback, RequestKeys.Required(request)));
        return ViewMapper.ToApi(view, null);
    }
}
