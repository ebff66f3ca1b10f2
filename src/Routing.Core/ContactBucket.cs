namespace Routing.Core;

/// <summary>
/// One bucket of <see cref="ContactBuckets"/>: its contacts in service order, with the first kept at hand, since a
/// peek reads the first contact of every bucket and most peeks read nothing more.
/// </summary>
internal sealed class ContactBucket(IComparer<WaitingContact> serviceOrder)
{
    private readonly SortedSet<WaitingContact> contacts = new(serviceOrder);

    /// <summary>The contact served first; null only while the bucket is empty.</summary>
    public WaitingContact? First { get; private set; }

    public bool IsEmpty => contacts.Count == 0;

    public bool Contains(WaitingContact contact) => contacts.Contains(contact);

    public void Add(WaitingContact contact)
    {
        if (contacts.Add(contact) && (First is null || serviceOrder.Compare(contact, First) < 0))
        {
            First = contact;
        }
    }

    public bool Remove(WaitingContact contact)
    {
        if (!contacts.Remove(contact))
        {
            return false;
        }

        if (serviceOrder.Compare(contact, First) == 0)
        {
            First = contacts.Min;
        }

        return true;
    }

    /// <summary>The contacts in service order: the first without an enumerator, the rest only if asked for.</summary>
    public IEnumerable<WaitingContact> InOrder()
    {
        if (First is null)
        {
            yield break;
        }

        yield return First;
        foreach (var contact in contacts.Skip(1))
        {
            yield return contact;
        }
    }
}
