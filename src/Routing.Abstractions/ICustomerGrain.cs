using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One customer, keyed by customer id: profile (tier, language), contacts in progress and history.</summary>
[Alias("routing.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Who the customer is to the router for a contact being routed (tier, last agent, other open contacts); writes nothing.</summary>
    [Alias("context"), ReadOnly]
    Task<CustomerContext> Context(string contactId);

    /// <summary>
    /// Records a routed contact as in progress and tells the customer's other open contacts about it (one-way).
    /// Called after the routing decision, never before it; a repeat, or a contact that has already ended, changes nothing.
    /// </summary>
    [Alias("contact-started")]
    Task ContactStarted(string contactId);

    [Alias("contact-ended")]
    Task ContactEnded(CustomerContactRecord record);

    /// <summary>Puts the CSAT on the contact's history entry.</summary>
    [Alias("feedback-given")]
    Task FeedbackGiven(string contactId, CustomerFeedback feedback);

    [Alias("set-profile")]
    Task<CustomerView> SetProfile(CustomerProfile profile);

    [Alias("get"), ReadOnly]
    Task<CustomerView> Get();
}
