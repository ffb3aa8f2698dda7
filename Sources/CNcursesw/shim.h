#ifndef YUSUAN_CNCURSESW_SHIM_H
#define YUSUAN_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift 6 cannot import or rejects as not concurrency-safe.
static inline int yu_attr_bold(void) { return A_BOLD; }
static inline int yu_attr_reverse(void) { return A_REVERSE; }
static inline int yu_attr_dim(void) { return A_DIM; }
static inline int yu_attr_underline(void) { return A_UNDERLINE; }
static inline int yu_color_pair(int n) { return COLOR_PAIR(n); }
static inline int yu_lines(void) { return LINES; }
static inline int yu_cols(void) { return COLS; }
static inline WINDOW *yu_stdscr(void) { return stdscr; }
static inline FILE *yu_stdin(void) { return stdin; }
static inline FILE *yu_stdout(void) { return stdout; }
static inline mmask_t yu_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t yu_button1_pressed(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t yu_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t yu_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline const char *yu_codeset(void) { return nl_langinfo(CODESET); }

// A terminal restored from a signal handler: endwin is safe enough here, and the process exits.
static void yu_restore_and_exit(int sig) { endwin(); _exit(128 + sig); }

// A crash (a Swift trap is SIGILL or SIGTRAP) restores the terminal too, then hands the signal
// to whoever had it before (the Swift runtime's backtracer, or the default core dump).
// Kept in a function's static: Swift's importer emits functions from a header, not variables.
static inline struct sigaction *yu_previous_actions(void) { static struct sigaction saved[32]; return saved; }
static void yu_restore_and_crash(int sig) {
    endwin();
    sigaction(sig, &yu_previous_actions()[sig], NULL);
    raise(sig);
}
static inline void yu_install_signal_handlers(void) {
    signal(SIGINT, yu_restore_and_exit);
    signal(SIGTERM, yu_restore_and_exit);
    signal(SIGHUP, yu_restore_and_exit);
    signal(SIGQUIT, yu_restore_and_exit);
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = yu_restore_and_crash;
        sigemptyset(&action.sa_mask);
        sigaction(fatal[i], &action, &yu_previous_actions()[fatal[i]]);
    }
}
int wcwidth(wchar_t c);
#endif
