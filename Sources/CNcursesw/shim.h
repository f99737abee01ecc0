#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// SwiftPM drops the -D flags pkg-config would give, and without these the wide
// API (wget_wch, cchar_t, setcchar, mvwadd_wch) is simply absent from curses.h.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <curses.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <strings.h>
#include <wchar.h>

// Swift cannot import macros with arguments or expressions, and Swift 6 rejects
// C globals as not concurrency-safe, so every such value goes through a function.
// Only static inline functions live here: static data would be copied into each
// importer.

// Attributes are attr_t end to end: with the wide API A_ITALIC is bit 31, which
// an int-typed wrapper would turn negative.
static inline attr_t cn_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cn_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t cn_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cn_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cn_A_BLINK(void) { return A_BLINK; }
static inline attr_t cn_A_DIM(void) { return A_DIM; }
static inline attr_t cn_A_BOLD(void) { return A_BOLD; }
static inline attr_t cn_A_ITALIC(void) { return A_ITALIC; }
static inline attr_t cn_A_COLOR(void) { return A_COLOR; }
static inline attr_t cn_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_LINES(void) { return LINES; }
static inline int cn_COLS(void) { return COLS; }
static inline int cn_COLORS(void) { return COLORS; }
static inline int cn_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int cn_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int cn_getmaxx(WINDOW *win) { return getmaxx(win); }

static inline FILE *cn_stdin(void) { return stdin; }
static inline FILE *cn_stdout(void) { return stdout; }

static inline int cn_OK(void) { return OK; }
static inline int cn_ERR(void) { return ERR; }
static inline int cn_CCHARW_MAX(void) { return CCHARW_MAX; }

// wget_wch's status for "this is a key code, not a character".
static inline int cn_KEY_CODE_YES(void) { return KEY_CODE_YES; }
static inline int cn_KEY_RESIZE(void) { return KEY_RESIZE; }
static inline int cn_KEY_UP(void) { return KEY_UP; }
static inline int cn_KEY_DOWN(void) { return KEY_DOWN; }
static inline int cn_KEY_LEFT(void) { return KEY_LEFT; }
static inline int cn_KEY_RIGHT(void) { return KEY_RIGHT; }
static inline int cn_KEY_HOME(void) { return KEY_HOME; }
static inline int cn_KEY_END(void) { return KEY_END; }
static inline int cn_KEY_PPAGE(void) { return KEY_PPAGE; }
static inline int cn_KEY_NPAGE(void) { return KEY_NPAGE; }
static inline int cn_KEY_BTAB(void) { return KEY_BTAB; }
static inline int cn_KEY_DC(void) { return KEY_DC; }
static inline int cn_KEY_IC(void) { return KEY_IC; }
static inline int cn_KEY_BACKSPACE(void) { return KEY_BACKSPACE; }
static inline int cn_KEY_ENTER(void) { return KEY_ENTER; }
static inline int cn_KEY_F(int n) { return KEY_F(n); }
// The numeric keypad with Num Lock off, as some terminals report it.
static inline int cn_KEY_A1(void) { return KEY_A1; }
static inline int cn_KEY_A3(void) { return KEY_A3; }
static inline int cn_KEY_C1(void) { return KEY_C1; }
static inline int cn_KEY_C3(void) { return KEY_C3; }

// Mouse buttons are macros built from other macros; mmask_t end to end.
static inline int cn_KEY_MOUSE(void) { return KEY_MOUSE; }
static inline mmask_t cn_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t cn_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
#else
// The old mouse protocol has no fifth button: the wheel only scrolls up there.
static inline mmask_t cn_BUTTON5_PRESSED(void) { return 0; }
#endif

// Macros in C (wmove, then the window call); wrapped so Swift takes the same
// path C callers do.
static inline int cn_mvwadd_wch(WINDOW *win, int y, int x, const cchar_t *wch) {
    return mvwadd_wch(win, y, x, wch);
}
static inline int cn_mvwins_wch(WINDOW *win, int y, int x, const cchar_t *wch) {
    return mvwins_wch(win, y, x, wch);
}

// Not visible from Swift on Linux; used only to check that ncurses (which lays
// out with it) agrees with the width the cell buffer computed.
// Declared here because <wchar.h> only declares it under _XOPEN_SOURCE.
extern int wcwidth(wchar_t wc);
static inline int cn_wcwidth(wchar_t wc) { return wcwidth(wc); }

// newterm accepts terminals like `dumb` that cannot place the cursor at all;
// a full-screen view on one is garbage.
static inline int cn_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

#endif
