namespace ActorHeartbeat.Actors.Internal;

/// <summary>
/// A node of the mailbox's lock-free system-message stack: producers push with a CAS; the running
/// turn takes the whole stack at once and reverses it into arrival order.
/// </summary>
internal abstract class MailboxNode
{
    internal MailboxNode? Next;

    /// <summary>Pushes <paramref name="node"/> onto the stack at <paramref name="top"/>; safe from any thread.</summary>
    public static void Push(ref MailboxNode? top, MailboxNode node)
    {
        var seen = Volatile.Read(ref top);
        while (true)
        {
            node.Next = seen;
            var current = Interlocked.CompareExchange(ref top, node, seen);
            if (ReferenceEquals(current, seen))
            {
                return;
            }

            seen = current;
        }
    }

    /// <summary>Takes the whole stack at <paramref name="top"/> and returns it oldest first (null when empty).</summary>
    public static MailboxNode? TakeAll(ref MailboxNode? top)
    {
        if (Volatile.Read(ref top) is null)
        {
            return null;
        }

        var node = Interlocked.Exchange(ref top, null);
        MailboxNode? head = null;
        while (node is not null)
        {
            var next = node.Next;
            node.Next = head;
            head = node;
            node = next;
        }

        return head;
    }
}
