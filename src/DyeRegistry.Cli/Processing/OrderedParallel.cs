namespace DyeRegistry.Cli.Processing;

/// <summary>
/// Maps a stream of records on several threads and yields the results in input order, holding
/// at most one block of records in memory. Simple by design: blocks are read in order, mapped
/// with Parallel.For, and handed on whole.
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

        var block = new List<TSource>(blockSize);
        var results = new TResult[blockSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        using var e = source.GetEnumerator();
        while (true)
        {
            block.Clear();
            while (block.Count < blockSize && e.MoveNext())
            {
                block.Add(e.Current);
            }

            if (block.Count == 0)
            {
                yield break;
            }

            Parallel.For(0, block.Count, options, i => results[i] = map(block[i]));
            for (var i = 0; i < block.Count; i++)
            {
                yield return results[i];
                results[i] = default!;
            }
        }
    }
}
