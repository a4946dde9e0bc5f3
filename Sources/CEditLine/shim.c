#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

FILE *pfsh_el_stdout(void) {
    return stdout;
}

int pfsh_el_setup_locale(void) {
    if (setlocale(LC_CTYPE, "") == NULL || strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
    return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

char *pfsh_el_empty_string(void) {
    static char empty[1] = {0};
    return empty;
}

EditLine *pfsh_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}

int pfsh_el_set_prompt(EditLine *el, pfsh_el_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}

int pfsh_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int pfsh_el_editor_is_vi(EditLine *el) {
    const char *mode = NULL;
    if (el_get(el, EL_EDITOR, &mode) != 0 || mode == NULL) return 0;
    return strcmp(mode, "vi") == 0;
}

int pfsh_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

int pfsh_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

int pfsh_el_add_function(EditLine *el, const char *name, const char *help, pfsh_el_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int pfsh_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

int pfsh_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

void *pfsh_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

int pfsh_el_terminal_columns(EditLine *el) {
    int columns = 0;
    if (el != NULL && el_get(el, EL_GETTC, "co", &columns, (void *)NULL) == 0 && columns > 0) {
        return columns;
    }
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
        return size.ws_col;
    }
    return 0;
}

int pfsh_history_setsize(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

int pfsh_history_setunique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

int pfsh_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int pfsh_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

int pfsh_history_save_private(History *h, const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return -1;
    }
    /* open() keeps the mode of an existing file. */
    if (fchmod(fd, 0600) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    FILE *file = fdopen(fd, "w");
    if (file == NULL) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    HistEvent event;
    int written = history(h, &event, H_SAVE_FP, file);
    if (fclose(file) != 0) {
        return -1;
    }
    return written;
}

const char *pfsh_history_step(History *h, int op) {
    HistEvent event;
    if (history(h, &event, op) == -1) {
        return NULL;
    }
    return event.str;
}

int pfsh_history_count(History *h) {
    HistEvent event;
    if (history(h, &event, H_GETSIZE) == -1) {
        return 0;
    }
    return event.num;
}

static volatile sig_atomic_t pfsh_sigint_raised = 0;

static void pfsh_sigint_handler(int signo) {
    (void)signo;
    pfsh_sigint_raised = 1;
}

int pfsh_el_install_sigint_flag(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = pfsh_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: el_gets must return on Ctrl-C */
    return sigaction(SIGINT, &action, NULL);
}

int pfsh_el_take_sigint(void) {
    if (pfsh_sigint_raised) {
        pfsh_sigint_raised = 0;
        return 1;
    }
    return 0;
}
