#ifndef PFSH_CEDITLINE_H
#define PFSH_CEDITLINE_H

/* Typed wrappers around libedit's variadic el_set/el_get/history calls, which Swift cannot call,
   plus the process's SIGINT flag and locale set-up. */

#include <stdio.h>
#include <histedit.h>

/* stdin/stdout/stderr are mutable C globals: Swift 6 refuses to read them. */
FILE *pfsh_el_stdout(void);

/* Sets LC_CTYPE from the environment, falling back to C.UTF-8 when that is not UTF-8:
   libedit drops every non-ASCII byte in a non-UTF-8 locale. Returns 1 if the result is UTF-8. */
int pfsh_el_setup_locale(void);

/* --- EditLine ----------------------------------------------------------------------------- */

typedef char *(*pfsh_el_prompt_fn)(EditLine *el);
/* A static empty C string, for a prompt callback that has nothing else to return. */
char *pfsh_el_empty_string(void);
typedef unsigned char (*pfsh_el_command_fn)(EditLine *el, int ch);

/* el_init(prog, stdin, stdout, stderr) */
EditLine *pfsh_el_init(const char *prog);
int pfsh_el_set_prompt(EditLine *el, pfsh_el_prompt_fn fn);
/* "emacs" or "vi" */
int pfsh_el_set_editor(EditLine *el, const char *mode);
/* 1 when EL_EDITOR is "vi" (after `bind -v` in an editrc, say), else 0. */
int pfsh_el_editor_is_vi(EditLine *el);
/* EL_SIGNAL: libedit restores the terminal around signals while it reads. */
int pfsh_el_set_signal(EditLine *el, int on);
/* el_set(el, EL_HIST, history, h) */
int pfsh_el_set_history(EditLine *el, History *h);
int pfsh_el_add_function(EditLine *el, const char *name, const char *help, pfsh_el_command_fn fn);
/* el_set(el, EL_BIND, key, function, NULL) */
int pfsh_el_bind(EditLine *el, const char *key, const char *function);
int pfsh_el_set_clientdata(EditLine *el, void *data);
void *pfsh_el_get_clientdata(EditLine *el);
/* Columns from EL_GETTC "co", else ioctl(TIOCGWINSZ) on stdout, else 0. */
int pfsh_el_terminal_columns(EditLine *el);

/* --- History ------------------------------------------------------------------------------ */

int pfsh_history_setsize(History *h, int size);
/* H_SETUNIQUE: do not enter a line equal to the newest entry. */
int pfsh_history_setunique(History *h, int unique);
/* H_ENTER: -1 on error. */
int pfsh_history_enter(History *h, const char *line);
/* H_LOAD: the number of entries read, -1 if the file cannot be read. */
int pfsh_history_load(History *h, const char *path);
/* H_SAVE_FP into `path`, created or truncated with mode 0600 (and chmod'ed to 0600 if it existed):
   the number of entries written, -1 on error (errno set). */
int pfsh_history_save_private(History *h, const char *path);
/* H_FIRST (newest), H_NEXT (older), H_LAST (oldest), H_PREV (newer): the entry's text, valid until
   the history changes, or NULL when there is none. */
const char *pfsh_history_step(History *h, int op);
/* H_GETSIZE: the number of entries. */
int pfsh_history_count(History *h);

/* --- SIGINT ------------------------------------------------------------------------------- */

/* sigaction(SIGINT) WITHOUT SA_RESTART, so a blocking read returns EINTR; the handler only
   raises a flag. 0 on success. */
int pfsh_el_install_sigint_flag(void);
/* 1 once per SIGINT delivered since the last call, then 0. */
int pfsh_el_take_sigint(void);

#endif
