"""Heap queue algorithm (a.k.a. priority queue), as CPython's heapq.

A heap is a list where a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for every k
(indices counting from 0), so a[0] is always the smallest item. Only the
`<` operator is used to compare items, as in CPython.

    heappush(heap, item)        push item, keeping the invariant
    heappop(heap)               pop and return the smallest item
    heapify(x)                  turn a list into a heap, in linear time
    heapreplace(heap, item)     pop then push (the heap must not be empty)
    heappushpop(heap, item)     push then pop, faster than the two calls
    merge(*iterables, key=None, reverse=False)
    nlargest(n, iterable, key=None), nsmallest(n, iterable, key=None)
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(fname, heap, which=" 1"):
    # The message of CPython's argument clinic ("argument" alone when the
    # function takes one argument; None is named as such).
    if not isinstance(heap, list):
        got = "None" if heap is None else type(heap).__name__
        raise TypeError("%s() argument%s must be list, not %s" % (fname, which, got))


# The two sift operations. _siftdown moves the item at pos toward the root
# (startpos) while it is smaller than its parent; _siftup moves the item at
# pos down to a leaf, always following the smaller child, and then lets
# _siftdown bring it back up to its place (fewer comparisons on average, as
# Knuth vol. 3 notes and CPython does).

def _siftdown(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list("heappush", heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list("heappop", heap, "")
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item.

    More efficient than heappop() followed by heappush(); the value returned
    may be larger than item. The heap must not be empty."""
    _check_list("heapreplace", heap)
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check_list("heappushpop", heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list("heapify", x, "")
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


# Max-heap variants (used by merge(reverse=True) and nsmallest, as in CPython).

def _siftdown_max(heap, startpos, pos):
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < item:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = item


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merge several sorted inputs into a single sorted output.

    Like sorted(itertools.chain(*iterables)) but returns an iterator, does
    not pull the data into memory all at once, and assumes each input is
    already sorted (smallest to largest, or largest to smallest with
    reverse=True). Equal items keep the order of their inputs."""
    if reverse:
        _heapify_ = _heapify_max
        _pop = _heappop_max
        _replace = _heapreplace_max
        direction = -1
    else:
        _heapify_ = heapify
        _pop = heappop
        _replace = heapreplace
        direction = 1

    # Each heap entry is [value, order, iterator] (or [key, order,
    # value, iterator]); order breaks ties so that entries never
    # compare their functions and equal items come out in input order.
    h = []
    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                h.append([next(it), order * direction, it])
            except StopIteration:
                pass
        _heapify_(h)
        while len(h) > 1:
            try:
                while True:
                    s = h[0]
                    value, order, it = s
                    yield value
                    s[0] = next(it)
                    _replace(h, s)
            except StopIteration:
                _pop(h)
        if h:
            value, order, it = h[0]
            yield value
            yield from it
        return

    for order, it in enumerate(map(iter, iterables)):
        try:
            value = next(it)
            h.append([key(value), order * direction, value, it])
        except StopIteration:
            pass
    _heapify_(h)
    while len(h) > 1:
        try:
            while True:
                s = h[0]
                k, order, value, it = s
                yield value
                value = next(it)
                s[0] = key(value)
                s[2] = value
                _replace(h, s)
        except StopIteration:
            _pop(h)
    if h:
        k, order, value, it = h[0]
        yield value
        yield from it


def _fast_path(n, iterable, key, pick):
    """The shortcuts nsmallest and nlargest share: returns a list, or None
    when the general algorithm must run."""
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        if key is None:
            result = pick(it, default=sentinel)
        else:
            result = pick(it, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    return None


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to: sorted(iterable, key=key)[:n]"""
    fast = _fast_path(n, iterable, key, min)
    if fast is not None:
        return fast
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n smallest seen so far in a max-heap of [key, order, value]
    # entries; order (increasing) keeps the sort stable.
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for (elem, order) in result]

    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for (k, order, elem) in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to: sorted(iterable, key=key, reverse=True)[:n]"""
    fast = _fast_path(n, iterable, key, max)
    if fast is not None:
        return fast
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # Keep the n largest in a min-heap; order decreases so that, among
    # equal keys, the earlier item wins, as a stable reverse sort does.
    if key is None:
        it = iter(iterable)
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for (elem, order) in result]

    it = iter(iterable)
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for (k, order, elem) in result]
