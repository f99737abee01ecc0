// MAP_ANONYMOUS and sigaction are POSIX/XSI and BSD, not ISO C.
#define _GNU_SOURCE

#include "CFileMapping.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

// A handful are live at once (one per file being loaded); past that, callers read.
#define SLOTS 64

struct slot {
    _Atomic(uintptr_t) base;
    _Atomic(size_t) length;
    atomic_int patched;
};

static struct slot slots[SLOTS];
static struct sigaction previous;
static pthread_mutex_t install_lock = PTHREAD_MUTEX_INITIALIZER;
static void (*_Atomic forwarding)(int, void *, void *);
// Read once before any mapping exists, so that the fault handler need not ask.
static _Atomic(size_t) page_size;

int cfm_handle_fault(void *address) {
    uintptr_t at = (uintptr_t)address;
    for (int i = 0; i < SLOTS; i++) {
        uintptr_t base = atomic_load_explicit(&slots[i].base, memory_order_acquire);
        if (base == 0 || at < base) continue;
        size_t length = atomic_load_explicit(&slots[i].length, memory_order_relaxed);
        if (at - base >= length) continue;
        size_t page = atomic_load(&page_size);
        // Zeros in place of the page that is gone; the faulting read then succeeds.
        void *zeros = mmap((void *)(at & ~((uintptr_t)page - 1)), page, PROT_READ,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros == MAP_FAILED) return 0;
        atomic_store(&slots[i].patched, 1);
        return 1;
    }
    return 0;
}

static void on_bus_error(int sig, siginfo_t *info, void *context) {
    if (info != NULL && info->si_code > 0 && cfm_handle_fault(info->si_addr)) return;
    // Not ours: hand over to whoever was there (a crash reporter, or the default).
    // A hardware fault re-executes its instruction on return and reaches it then.
    if (sigaction(sig, &previous, NULL) != 0) signal(sig, SIG_DFL);
    if (info != NULL && info->si_code > 0) return;
    if (previous.sa_flags & SA_SIGINFO) {
        if (previous.sa_sigaction != NULL) previous.sa_sigaction(sig, info, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cfm_note_forwarding_handler(void (*handler)(int, void *, void *)) {
    atomic_store(&forwarding, handler);
}

// Puts our handler in front unless it, or one that asks us first, is there already.
// Checked at every mapping: a handler installed after ours and later removed takes
// ours with it when it puts back what it found.
static int ensure_handler(void) {
    pthread_mutex_lock(&install_lock);
    struct sigaction current;
    int ok = sigaction(SIGBUS, NULL, &current) == 0;
    void (*installed)(int, void *, void *) = (current.sa_flags & SA_SIGINFO)
        ? (void (*)(int, void *, void *))current.sa_sigaction : NULL;
    void (*asks_us)(int, void *, void *) = atomic_load(&forwarding);
    int covered = installed != NULL
        && (installed == (void (*)(int, void *, void *))on_bus_error || installed == asks_us);
    if (ok && !covered) {
        struct sigaction mine;
        sigemptyset(&mine.sa_mask);
        // SA_ONSTACK and SA_NODEFER as the crash handlers have them, so that a real fault
        // handed on still reaches a crash reporter that needs the alternate stack.
        mine.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
        mine.sa_sigaction = on_bus_error;
        previous = current;
        ok = sigaction(SIGBUS, &mine, NULL) == 0;
    }
    pthread_mutex_unlock(&install_lock);
    return ok;
}

void *cfm_map(int fd, size_t length, long long offset) {
    if (atomic_load(&page_size) == 0) atomic_store(&page_size, (size_t)sysconf(_SC_PAGESIZE));
    if (length == 0 || !ensure_handler()) {
        errno = EINVAL;
        return NULL;
    }
    for (int i = 0; i < SLOTS; i++) {
        size_t free_length = 0;
        // Claimed by setting its length; a slot is live for the handler once base is set.
        if (!atomic_compare_exchange_strong(&slots[i].length, &free_length, length)) continue;
        int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
        // One call sets up every page instead of a fault per 64 KB while reading.
        flags |= MAP_POPULATE;
#endif
        void *base = mmap(NULL, length, PROT_READ, flags, fd, (off_t)offset);
        if (base == MAP_FAILED) {
            atomic_store(&slots[i].length, 0);
            return NULL;
        }
        atomic_store(&slots[i].patched, 0);
        atomic_store_explicit(&slots[i].base, (uintptr_t)base, memory_order_release);
        return base;
    }
    errno = EMFILE;
    return NULL;
}

int cfm_was_cut_short(const void *base) {
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slots[i].base) == (uintptr_t)base) return atomic_load(&slots[i].patched);
    }
    return 0;
}

int cfm_unmap(void *base, size_t length) {
    int patched = 0;
    for (int i = 0; i < SLOTS; i++) {
        if (atomic_load(&slots[i].base) != (uintptr_t)base) continue;
        atomic_store(&slots[i].base, 0);
        patched = atomic_load(&slots[i].patched);
        munmap(base, length);
        atomic_store(&slots[i].length, 0);
        return patched;
    }
    munmap(base, length);
    return patched;
}
