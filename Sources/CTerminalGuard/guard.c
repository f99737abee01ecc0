// sigaction, SA_ONSTACK, fileno and ftruncate are POSIX/XSI, not ISO C.
#define _XOPEN_SOURCE 700

#include "CTerminalGuard.h"

#include <CFileMapping.h>

#include <curses.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };

static struct sigaction previous_stop[COUNT(stop_signals)];
static struct sigaction previous_crash[COUNT(crash_signals)];

static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t curses_active;
static int installed_stop;
static int installed_crash;
static int exit_hook_registered;

// While curses owns the screen, stderr goes to an unlinked temporary file, so
// runtime messages (a fatalError's text above all) neither corrupt the screen
// nor vanish with the alternate screen; they are replayed once it is gone.
static FILE *captured_stderr;
static volatile sig_atomic_t saved_stderr = -1;

static void on_stop_signal(int sig) {
    pending_signal = sig;
}

int ctg_capture_stderr(void) {
    if (saved_stderr >= 0) return 0;
    if (captured_stderr == NULL) captured_stderr = tmpfile();
    if (captured_stderr == NULL) return -1;
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    if (saved < 0) return -1;
    if (dup2(fileno(captured_stderr), STDERR_FILENO) < 0) {
        close(saved);
        return -1;
    }
    saved_stderr = saved;
    return 0;
}

// Async-signal-safe calls only: the crash handler uses it too.
void ctg_release_stderr(void) {
    int saved = saved_stderr;
    if (saved < 0) return;
    saved_stderr = -1;
    dup2(saved, STDERR_FILENO);
    close(saved);

    int fd = fileno(captured_stderr);
    // A long session could have collected a lot; the end is what explains an exit.
    off_t size = lseek(fd, 0, SEEK_END);
    off_t keep = 64 * 1024;
    lseek(fd, size > keep ? size - keep : 0, SEEK_SET);
    char chunk[4096];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) {
        if (write(STDERR_FILENO, chunk, (size_t)n) < 0) break;
    }
    if (ftruncate(fd, 0) == 0) lseek(fd, 0, SEEK_SET);
}

// endwin() is not async-signal-safe, but a dying process that leaves the
// terminal in raw mode on the alternate screen is worse (htop does the same).
static void restore_terminal(void) {
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
    ctg_release_stderr();
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    // A mapped data file cut short under a reader is not a crash (see CFileMapping).
    if (sig == SIGBUS && info != NULL && info->si_code > 0 && cfm_handle_fault(info->si_addr)) return;
    struct sigaction *previous = NULL;
    for (int i = 0; i < COUNT(crash_signals); i++) {
        if (crash_signals[i] == sig) previous = &previous_crash[i];
    }
    // First, so that a crash inside endwin (curses may be what broke) still
    // reaches the previous handler instead of looping here.
    if (previous == NULL || sigaction(sig, previous, NULL) != 0) signal(sig, SIG_DFL);
    restore_terminal();

    // A hardware fault re-executes its instruction when we return, so the previous
    // handler (Swift's backtracer) sees the original context and fault address.
    int fault = info != NULL && info->si_code > 0 && sig != SIGTRAP && sig != SIGABRT;
    if (fault) return;

    // Sent signals, abort() and int3 do not repeat by themselves, and Swift's
    // backtracer lets the process carry on after a sent one, half torn down.
    // Let it report from here, then die the way the signal's default would
    // (SA_NODEFER: the signal is not blocked, so raise acts at once).
    if (previous != NULL) {
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction != NULL) previous->sa_sigaction(sig, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
            previous->sa_handler(sig);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void at_exit_teardown(void) {
    restore_terminal();
}

int ctg_install(void) {
    if (installed_stop || installed_crash) return 0;

    struct sigaction stop;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = 0;
    stop.sa_handler = on_stop_signal;

    struct sigaction crash;
    sigemptyset(&crash.sa_mask);
    // SA_ONSTACK: a stack overflow can only be handled on the alternate stack.
    // SA_NODEFER: a second fault while we tear down must not be blocked, or the
    // kernel kills the process before the previous handler can report.
    crash.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    crash.sa_sigaction = on_crash;
    cfm_note_forwarding_handler((void (*)(int, void *, void *))on_crash);

    // Counted one by one so that a failure part-way can be undone exactly.
    for (; installed_stop < COUNT(stop_signals); installed_stop++) {
        int i = installed_stop;
        if (sigaction(stop_signals[i], &stop, &previous_stop[i]) != 0) goto fail;
    }
    for (; installed_crash < COUNT(crash_signals); installed_crash++) {
        int i = installed_crash;
        if (sigaction(crash_signals[i], &crash, &previous_crash[i]) != 0) goto fail;
    }
    if (!exit_hook_registered) {
        exit_hook_registered = atexit(at_exit_teardown) == 0;
    }
    // A parent may have started us with these blocked (blocked masks are inherited
    // through fork and exec); then SIGTERM would never arrive. The main thread,
    // which waits for input, must be able to take them.
    sigset_t unblock;
    sigemptyset(&unblock);
    for (size_t i = 0; i < COUNT(stop_signals); i++) sigaddset(&unblock, stop_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    return 0;

fail:
    ctg_uninstall();
    return -1;
}

void ctg_uninstall(void) {
    for (; installed_crash > 0; installed_crash--) {
        int i = installed_crash - 1;
        sigaction(crash_signals[i], &previous_crash[i], NULL);
    }
    for (; installed_stop > 0; installed_stop--) {
        int i = installed_stop - 1;
        sigaction(stop_signals[i], &previous_stop[i], NULL);
    }
}

int ctg_take_signal(void) {
    int sig = pending_signal;
    if (sig != 0) pending_signal = 0;
    return sig;
}

void ctg_set_curses_active(int active) {
    curses_active = active ? 1 : 0;
}

int ctg_curses_active(void) {
    return curses_active;
}
