using Routing.Core;

namespace Routing.Abstractions;

/// <summary>One customer, keyed by customer id: profile (tier, language), contacts in progress and history.</summary>
[Alias("routing.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Records a new contact; tells the customer's other open contacts about it (one-way).</summary>
    [Alias("contact-started")]
    Task<CustomerContext> ContactStarted(string contactId);

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
