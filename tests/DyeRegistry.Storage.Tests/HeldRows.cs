using System.Runtime.CompilerServices;

namespace DyeRegistry.Storage.Tests;

/// <summary>
/// Counts how many of the rows a walk has handed out are still held by anyone (the store, the
/// caller): each row is tracked by a weak reference, and a full collection leaves alive only what
/// something still references. A walk that materializes the table keeps every row alive; a
/// streamed one only the few in hand.
/// </summary>
internal sealed class HeldRows
{
    private readonly List<WeakReference> rows = [];

    /// <summary>The most rows found alive at once by <see cref="Check"/>.</summary>
    public int MostHeld { get; private set; }

    public int Handed => rows.Count;

    public void Track(object row)
    {
        lock (rows)
        {
            rows.Add(new WeakReference(row));
        }
    }

    /// <summary>Collects garbage and counts the rows handed out so far that are still alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Check()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int alive;
        lock (rows)
        {
            alive = rows.Count(r => r.IsAlive);
        }

        MostHeld = Math.Max(MostHeld, alive);
        return alive;
    }

    /// <summary>Hands out <paramref name="source"/>'s rows, tracking each (and what <paramref name="parts"/>
    /// names in it) and checking every <paramref name="every"/> rows.</summary>
    public IEnumerable<T> Watch<T>(IEnumerable<T> source, Func<T, IEnumerable<object?>>? parts = null, int every = 97)
        where T : class
    {
        foreach (var row in source)
        {
            Track(row);
            foreach (var part in parts?.Invoke(row) ?? [])
            {
                if (part is not null)
                {
                    Track(part);
                }
            }

            if (Handed % every == 0)
            {
                Check();
            }

            yield return row;
        }
    }
}
