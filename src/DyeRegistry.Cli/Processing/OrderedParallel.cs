namespace DyeRegistry.Cli.Processing;

/// <summary>
/// Maps a stream of records on several threads and yields the results in input order, holding
/// at most two blocks of records in memory. Blocks are read in order and mapped with
/// Parallel.For; while the caller consumes (writes) one block, the next is already being mapped,
/// so output does not leave the workers idle.
/// </summary>
internal static class OrderedParallel
{
    public const int DefaultBlockSize = 512;

    public static IEnumerable<TResult> Map<TSource, TResult>(
        IEnumerable<TSource> source, Func<TSource, TResult> map, int threads, int blockSize = DefaultBlockSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        if (threads == 1)
        {
            foreach (var item in source)
            {
                yield return map(item);
            }

            yield break;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        using var e = source.GetEnumerator();

        List<TSource> Read()
        {
            var block = new List<TSource>(blockSize);
            while (block.Count < blockSize && e.MoveNext())
            {
                block.Add(e.Current);
            }

            return block;
        }

        Task<TResult[]> Start(List<TSource> block) => Task.Run(() =>
        {
            var results = new TResult[block.Count];
            Parallel.For(0, block.Count, options, i => results[i] = map(block[i]));
            return results;
        });

        var first = Read();
        if (first.Count == 0)
        {
            yield break;
        }

        var pending = Start(first);
        while (true)
        {
            var results = pending.GetAwaiter().GetResult();
            var next = Read();
            Task<TResult[]>? following = next.Count > 0 ? Start(next) : null;
            foreach (var r in results)
            {
                yield return r;
            }

            if (following is null)
            {
                yield break;
            }

            pending = following;
        }
    }
}
