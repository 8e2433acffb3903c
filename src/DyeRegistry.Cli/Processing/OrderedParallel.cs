namespace DyeRegistry.Cli.Processing;

/// <summary>
/// Maps a stream of records on several threads and yields the results in input order. Workers
/// take records one at a time as soon as they are free (records differ a lot in cost: a dye with a
/// formula core takes ten times a plain compound, so workers that waited for the slowest record of
/// a block idled); at most <c>window</c> records are read and not yet yielded, so memory does not
/// grow with the stream, and a slow consumer holds the reading back.
/// </summary>
/// <remarks>
/// The source is read only on the consumer's thread, inside its MoveNext (the import reads the
/// registry there, outside its transactions); it need not be thread-safe. An exception from the
/// source or the map is rethrown to the consumer at that record's turn. Stopping the enumeration
/// early stops the workers before the source is disposed.
/// </remarks>
internal static class OrderedParallel
{
    public const int DefaultBlockSize = 512;

    public static IEnumerable<TResult> Map<TSource, TResult>(
        IEnumerable<TSource> source, Func<TSource, TResult> map, int threads, int window = 2 * DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        if (threads == 1)
        {
            foreach (var item in source)
            {
                yield return map(item);
            }

            yield break;
        }

        using var run = new Run<TSource, TResult>(source, map, threads, window);
        while (run.TryTake(out var result))
        {
            yield return result;
        }
    }

    // One parallel map: the source (read by the consumer), a queue of records for the workers,
    // and a ring of results in input order.
    private sealed class Run<TSource, TResult> : IDisposable
    {
        private readonly IEnumerator<TSource> source;
        private readonly Func<TSource, TResult> map;
        private readonly Slot[] ring;
        private readonly Queue<(long Index, TSource Item)> pending = new();
        private readonly Thread[] workers;
        private readonly object gate = new();
        private long taken;      // records read from the source (consumer thread; read by workers under gate)
        private long yielded;    // records handed to the consumer
        private bool exhausted;  // the source has no more records, or failed
        private bool stopping;

        public Run(IEnumerable<TSource> items, Func<TSource, TResult> map, int threads, int window)
        {
            source = items.GetEnumerator();
            this.map = map;
            ring = new Slot[window];
            workers = new Thread[threads];
            for (var i = 0; i < threads; i++)
            {
                workers[i] = new Thread(Work) { IsBackground = true, Name = $"map worker {i + 1}" };
                workers[i].Start();
            }
        }

        /// <summary>The next result in input order; false at the end of the source.</summary>
        public bool TryTake(out TResult result)
        {
            Read();
            var slot = yielded % ring.Length;
            lock (gate)
            {
                while (!ring[slot].Full)
                {
                    if (yielded >= taken)
                    {
                        result = default!;
                        return false;
                    }

                    Monitor.Wait(gate);
                }

                var s = ring[slot];
                ring[slot] = default;
                yielded++;
                if (s.Error is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(s.Error); // the original, with its stack
                }

                result = s.Value;
                return true;
            }
        }

        public void Dispose()
        {
            lock (gate)
            {
                stopping = true;
                Monitor.PulseAll(gate);
            }

            foreach (var w in workers)
            {
                w.Join();
            }

            source.Dispose();
        }

        // Tops the window up from the source: on the consumer's thread only.
        private void Read()
        {
            while (!exhausted && taken - yielded < ring.Length)
            {
                TSource item;
                try
                {
                    if (!source.MoveNext())
                    {
                        exhausted = true;
                        return;
                    }

                    item = source.Current;
                }
                catch (Exception e)
                {
                    exhausted = true; // the source cannot go on: its error takes the next record's turn
                    lock (gate)
                    {
                        ring[taken % ring.Length] = new Slot(default!, e);
                        taken++;
                    }

                    return;
                }

                lock (gate)
                {
                    pending.Enqueue((taken, item));
                    taken++;
                    Monitor.Pulse(gate);
                }
            }
        }

        private void Work()
        {
            while (true)
            {
                (long Index, TSource Item) next;
                lock (gate)
                {
                    while (pending.Count == 0 && !stopping)
                    {
                        Monitor.Wait(gate);
                    }

                    if (stopping)
                    {
                        return;
                    }

                    next = pending.Dequeue();
                }

                Slot done;
                try
                {
                    done = new Slot(map(next.Item), null);
                }
                catch (Exception e)
                {
                    done = new Slot(default!, e);
                }

                lock (gate)
                {
                    ring[next.Index % ring.Length] = done;
                    Monitor.PulseAll(gate);
                }
            }
        }

        private readonly record struct Slot(TResult Value, Exception? Error)
        {
            public bool Full { get; } = true;
        }
    }
}
