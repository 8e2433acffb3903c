namespace DyeRegistry.Markush.Matching;

/// <summary>
/// Maximum matching in a general (not bipartite) graph: Edmonds' blossom algorithm, augmenting
/// from each exposed vertex in turn. Molecule graphs have odd rings, so a bipartite matcher would
/// not do; graphs here have a few hundred vertices at most, and O(V^3) is microseconds to a
/// millisecond.
/// </summary>
internal sealed class GeneralMatching
{
    private readonly List<int>[] adjacent;
    private readonly int[] mate;
    private readonly int[] parent;
    private readonly int[] blossomBase;
    private readonly bool[] inQueue;
    private readonly bool[] inBlossom;
    private readonly bool[] onPath;
    private readonly int[] queue;

    public GeneralMatching(int vertices)
    {
        adjacent = new List<int>[vertices];
        for (var i = 0; i < vertices; i++)
        {
            adjacent[i] = [];
        }

        mate = Enumerable.Repeat(-1, vertices).ToArray();
        parent = new int[vertices];
        blossomBase = new int[vertices];
        inQueue = new bool[vertices];
        inBlossom = new bool[vertices];
        onPath = new bool[vertices];
        queue = new int[vertices];
    }

    public void AddEdge(int a, int b)
    {
        adjacent[a].Add(b);
        adjacent[b].Add(a);
    }

    /// <summary>Whether some matching covers every vertex. Stops at the first vertex that no
    /// augmenting path reaches: a vertex exposed with no augmenting path stays exposed in every
    /// maximum matching grown from this one (Edmonds), so the answer is then no.</summary>
    public bool HasPerfectMatching()
    {
        var n = adjacent.Length;
        if (n % 2 == 1)
        {
            return false;
        }

        // A greedy start: most vertices are matched without any search.
        for (var v = 0; v < n; v++)
        {
            if (mate[v] != -1)
            {
                continue;
            }

            foreach (var w in adjacent[v])
            {
                if (mate[w] == -1)
                {
                    mate[v] = w;
                    mate[w] = v;
                    break;
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (mate[v] != -1)
            {
                continue;
            }

            var end = FindAugmentingPath(v);
            if (end == -1)
            {
                return false;
            }

            while (end != -1)
            {
                var p = parent[end];
                var next = mate[p];
                mate[end] = p;
                mate[p] = end;
                end = next;
            }
        }

        return true;
    }

    private int FindAugmentingPath(int root)
    {
        var n = adjacent.Length;
        Array.Fill(inQueue, false);
        Array.Fill(parent, -1);
        for (var i = 0; i < n; i++)
        {
            blossomBase[i] = i;
        }

        inQueue[root] = true;
        int head = 0, tail = 0;
        queue[tail++] = root;
        while (head < tail)
        {
            var v = queue[head++];
            foreach (var to in adjacent[v])
            {
                if (blossomBase[v] == blossomBase[to] || mate[v] == to)
                {
                    continue;
                }

                if (to == root || (mate[to] != -1 && parent[mate[to]] != -1))
                {
                    // An odd cycle: contract the blossom to its base.
                    var b = CommonBase(v, to);
                    Array.Fill(inBlossom, false);
                    MarkPath(v, b, to);
                    MarkPath(to, b, v);
                    for (var i = 0; i < n; i++)
                    {
                        if (inBlossom[blossomBase[i]])
                        {
                            blossomBase[i] = b;
                            if (!inQueue[i])
                            {
                                inQueue[i] = true;
                                queue[tail++] = i;
                            }
                        }
                    }
                }
                else if (parent[to] == -1)
                {
                    parent[to] = v;
                    if (mate[to] == -1)
                    {
                        return to;
                    }

                    inQueue[mate[to]] = true;
                    queue[tail++] = mate[to];
                }
            }
        }

        return -1;
    }

    private int CommonBase(int a, int b)
    {
        Array.Fill(onPath, false);
        while (true)
        {
            a = blossomBase[a];
            onPath[a] = true;
            if (mate[a] == -1)
            {
                break;
            }

            a = parent[mate[a]];
        }

        while (true)
        {
            b = blossomBase[b];
            if (onPath[b])
            {
                return b;
            }

            b = parent[mate[b]];
        }
    }

    private void MarkPath(int v, int b, int child)
    {
        while (blossomBase[v] != b)
        {
            inBlossom[blossomBase[v]] = inBlossom[blossomBase[mate[v]]] = true;
            parent[v] = child;
            child = mate[v];
            v = parent[mate[v]];
        }
    }
}
