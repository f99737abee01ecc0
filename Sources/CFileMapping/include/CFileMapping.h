#ifndef CFILEMAPPING_H
#define CFILEMAPPING_H

#include <stddef.h>

// Read-only file mappings that survive the file shrinking under them.
//
// Reading a mapped file that someone truncates in place raises SIGBUS on the
// pages past its new end. For the mappings made here, the fault handler puts a
// page of zeros there instead and notes it, so the reader sees garbage it will
// not trust (cfm_unmap says the file shrank) rather than the process dying.

/// Maps `length` bytes of `fd` from `offset` (a multiple of the page size).
/// Returns NULL (errno set) when the file cannot be mapped or too many mappings
/// are live; the caller then reads the file instead.
void *cfm_map(int fd, size_t length, long long offset);

/// 1 when a fault has been patched in the mapping at `base` so far (the file
/// shrank while it was mapped), else 0.
int cfm_was_cut_short(const void *base);

/// Unmaps what cfm_map returned. Returns 1 when a fault was patched in it (the
/// file shrank while it was mapped), else 0.
int cfm_unmap(void *base, size_t length);

/// For another SIGBUS handler installed over ours: returns 1 when the fault at
/// `address` was in a live mapping and has been patched, so the handler should
/// just return.
int cfm_handle_fault(void *address);

/// Tells the mapping code that `handler` (an sa_sigaction) calls
/// cfm_handle_fault first, so it need not put its own handler in front of it.
void cfm_note_forwarding_handler(void (*handler)(int, void *, void *));

#endif
