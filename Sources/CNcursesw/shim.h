#ifndef YUSUAN_CNCURSESW_SHIM_H
#define YUSUAN_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift 6 cannot import or rejects as not concurrency-safe.
static inline int yu_attr_bold(void) { return A_BOLD; }
static inline int yu_attr_reverse(void) { return A_REVERSE; }
static inline int yu_attr_dim(void) { return A_DIM; }
static inline int yu_attr_underline(void) { return A_UNDERLINE; }
static inline int yu_lines(void) { return LINES; }
static inline int yu_cols(void) { return COLS; }
static inline WINDOW *yu_stdscr(void) { return stdscr; }
static inline mmask_t yu_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
int wcwidth(wchar_t c);
#endif
