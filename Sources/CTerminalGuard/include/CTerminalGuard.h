#ifndef CTERMINALGUARD_H
#define CTERMINALGUARD_H

// Signal handling for a curses session. Handlers only record what happened;
// the event loop does the real work (save, restore the terminal, exit 128+sig).

/// Installs flag-only handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT (no
/// SA_RESTART, so a blocked read returns with EINTR), crash handlers for SIGSEGV,
/// SIGBUS, SIGILL, SIGTRAP, SIGABRT and SIGFPE, and an atexit teardown.
/// Remembers the previous handlers. Returns 0, or -1 with errno set.
int ctg_install(void);

/// Puts back the handlers that were there before ctg_install.
void ctg_uninstall(void);

/// The termination signal that arrived since the last call, or 0; clears it.
int ctg_take_signal(void);

/// Tells the crash and exit paths whether endwin() is needed.
void ctg_set_curses_active(int active);
int ctg_curses_active(void);

/// Sends stderr to a temporary file while curses owns the screen. Returns 0, or
/// -1 (stderr then stays where it was).
int ctg_capture_stderr(void);

/// Points stderr back at where it was and writes out what was captured (the last
/// 64 KiB). Also done by the crash handler and at exit.
void ctg_release_stderr(void);

#endif
