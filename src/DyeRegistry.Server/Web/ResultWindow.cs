namespace DyeRegistry.Server.Web;

/// <summary>
/// One page of hits taken from a stream already in the page's order, walking no further than the
/// page plus one hit (which tells whether a next page exists); with <c>countAll</c> the walk goes
/// on to the end, counting without keeping. A page past the last shows the last one, as a page
/// number larger than the hit count always did. Only one page of hits is held at a time.
/// </summary>
/// <param name="Shown">The hits of <see cref="Page"/>.</param>
/// <param name="Page">The page shown (1 when there are no hits).</param>
/// <param name="Seen">Hits walked: the exact total when <see cref="More"/> is false.</param>
/// <param name="More">True when the walk stopped with hits left: the total is more than <see cref="Seen"/>.</param>
internal sealed record ResultWindow<T>(IReadOnlyList<T> Shown, int Page, long Seen, bool More)
{
    /// <summary>The page, or null when the stream is not in <paramref name="order"/> (the caller
    /// must then sort every hit itself: a stream out of order cannot be cut short).</summary>
    public static ResultWindow<T>? Take(IEnumerable<T> ordered, int page, int pageSize, IComparer<T> order, bool countAll = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        page = Math.Max(1, page);
        var block = new List<T>(pageSize);
        var blockPage = 0;
        long seen = 0;
        var more = false;
        var previous = default(T);
        foreach (var hit in ordered)
        {
            if (seen > 0 && order.Compare(previous, hit) > 0)
            {
                return null;
            }

            previous = hit;
            if (seen % pageSize == 0 && blockPage == page)
            {
                more = true;
                if (!countAll)
                {
                    break;
                }
            }

            if (!more)
            {
                if (seen % pageSize == 0)
                {
                    block.Clear();
                    blockPage++;
                }

                block.Add(hit);
            }

            seen++;
        }

        return new ResultWindow<T>(block, Math.Max(1, blockPage), seen, more && !countAll);
    }
}
