namespace Routing.Abstractions;

/// <summary>One customer, keyed by customer id: contacts in progress and history.</summary>
[Alias("routing.customer")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Records a new contact; answers the customer's other contacts still in progress.</summary>
    [Alias("contact-started")]
    Task<IReadOnlyList<string>> ContactStarted(string contactId);

    [Alias("contact-ended")]
    Task ContactEnded(CustomerContactRecord record);

    [Alias("get"), ReadOnly]
    Task<CustomerView> Get();
}
