// A bump allocator for data that dies together (the AST of one compilation).
// Allocation never fails silently: on out-of-memory it returns NULL and the
// caller reports MemoryError.
#ifndef MINIPY_ARENA_H
#define MINIPY_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct {
    ArenaBlock *head;   // newest block; older blocks follow ->next
} Arena;

void arena_init(Arena *a);
// Frees every block; the arena can be reused after arena_init().
void arena_free(Arena *a);
// Returns zeroed memory aligned for any type, or NULL when out of memory.
void *arena_alloc(Arena *a, size_t size);
// Copies [s, s+len) into the arena and NUL-terminates it.
char *arena_strndup(Arena *a, const char *s, size_t len);

#endif
