using DyeRegistry.Application.Processing;

namespace DyeRegistry.Cli.Tests;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(4, 1024)]
    [InlineData(3, 2)]
    public void KeepsInputOrder_WhateverEachRecordCosts(int threads, int window)
    {
        var items = Enumerable.Range(0, 3000).ToList();
        // Uneven costs: every 7th record is slow, so results complete out of order.
        var results = OrderedParallel.Map(items, i => { if (i % 7 == 0) Thread.SpinWait(20_000); return i * 2; }, threads, window).ToList();
        Assert.Equal(items.Select(i => i * 2), results);
    }

    [Fact]
    public void NeverHoldsMoreThanTheWindow()
    {
        var read = 0;
        var maxAhead = 0;
        var yielded = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 2000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        foreach (var _ in OrderedParallel.Map(Source(), i => i, threads: 3, window: 16))
        {
            yielded++; // this one is handed over: its place is free again
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - yielded);
            Thread.SpinWait(2_000); // a slow consumer
        }

        Assert.Equal(2000, yielded);
        Assert.True(maxAhead <= 16, $"read {maxAhead} records ahead of the consumer");
    }

    [Fact]
    public void AnErrorInTheMap_ReachesTheConsumerAtItsRecord()
    {
        var seen = new List<int>();
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 500), i => i == 123 ? throw new InvalidOperationException("bad 123") : i, 2))
            {
                seen.Add(r);
            }
        });
        Assert.Equal("bad 123", e.Message);
        Assert.Equal(Enumerable.Range(0, 123), seen);
    }

    [Fact]
    public void AnErrorInTheSource_ReachesTheConsumerAfterTheRecordsBeforeIt()
    {
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 50; i++)
            {
                yield return i;
            }

            throw new IOException("disk gone");
        }

        var seen = new List<int>();
        var e = Assert.Throws<IOException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Source(), i => i, 2))
            {
                seen.Add(r);
            }
        });
        Assert.Equal("disk gone", e.Message);
        Assert.Equal(Enumerable.Range(0, 50), seen);
    }

    [Fact]
    public void StoppingEarly_StopsTheWorkersAndDisposesTheSource()
    {
        var disposed = false;
        var mapped = 0;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var first = OrderedParallel.Map(Source(), i => { Interlocked.Increment(ref mapped); return i; }, 2, window: 8).Take(20).ToList();
        Assert.Equal(Enumerable.Range(0, 20), first);
        Assert.True(disposed);
        var after = Volatile.Read(ref mapped);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref mapped)); // nothing runs on after the end
        Assert.True(after <= 20 + 8);
    }

    [Fact]
    public void EmptySource_YieldsNothing()
    {
        Assert.Empty(OrderedParallel.Map(Array.Empty<int>(), i => i, 4));
    }
}
