namespace DyeRegistry.Application.Processing;

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
public static class OrderedParallel
{
    public const int DefaultWindow = 1024;

    public static IEnumerable<TResult> Map<TSource, TResult>(
        IEnumerable<TSource> source, Func<TSource, TResult> map, int threads, int window = DefaultWindow)
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
    // and a ring of results in input order. Workers and consumer wait on separate monitors, and a
    // waiting consumer is woken once a run of results is ready rather than for each one (every
    // wake-up is a context switch; the consumer only writes, its latency does not matter).
    private sealed class Run<TSource, TResult> : IDisposable
    {
        private const int WakeAfter = 32;
        private readonly IEnumerator<TSource> source;
        private readonly Func<TSource, TResult> map;
        private readonly Slot[] ring;
        private readonly Queue<(long Index, TSource Item)> pending = new();
        private readonly Thread[] workers;
        private readonly object work = new();     // guards pending and stopping; workers wait here
        private readonly object results = new();  // guards ring, taken and waiting; the consumer waits here
        private long taken;      // records read from the source
        private long yielded;    // records handed to the consumer (consumer thread only)
        private bool exhausted;  // the source has no more records, or failed (consumer thread only)
        private bool stopping;
        private bool waiting;    // the consumer waits for results

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
            Slot s;
            lock (results)
            {
                if (yielded >= taken)
                {
                    result = default!;
                    return false;
                }

                while (!ring[slot].Full)
                {
                    waiting = true;
                    Monitor.Wait(results);
                }

                waiting = false;
                s = ring[slot];
                ring[slot] = default;
                yielded++;
            }

            if (s.Error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(s.Error); // the original, with its stack
            }

            result = s.Value;
            return true;
        }

        public void Dispose()
        {
            lock (work)
            {
                stopping = true;
                Monitor.PulseAll(work);
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
                    lock (results)
                    {
                        ring[taken % ring.Length] = new Slot(default!, e);
                        taken++;
                    }

                    return;
                }

                long index;
                lock (results)
                {
                    index = taken++;
                }

                lock (work)
                {
                    pending.Enqueue((index, item));
                    Monitor.Pulse(work);
                }
            }
        }

        private void Work()
        {
            while (true)
            {
                (long Index, TSource Item) next;
                lock (work)
                {
                    while (pending.Count == 0 && !stopping)
                    {
                        Monitor.Wait(work);
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

                lock (results)
                {
                    ring[next.Index % ring.Length] = done;
                    if (waiting && ReadyToWake())
                    {
                        Monitor.Pulse(results);
                    }
                }
            }
        }

        // Under the results lock: the next result is there and so are the following ones, up to
        // WakeAfter or up to the last record read.
        private bool ReadyToWake()
        {
            var end = Math.Min(yielded + WakeAfter, taken);
            for (var i = yielded; i < end; i++)
            {
                if (!ring[i % ring.Length].Full)
                {
                    return false;
                }
            }

            return true;
        }

        private readonly record struct Slot(TResult Value, Exception? Error)
        {
            public bool Full { get; } = true;
        }
    }
}
