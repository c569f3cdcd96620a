// libedit (Debian libedit-dev): <histedit.h>, not GNU readline's headers, plus
// non-variadic wrappers, because Swift cannot call C variadic functions such as
// el_set, el_get and history.
#include <stdio.h>
#include <histedit.h>

typedef char *(*lrnb_prompt_function)(EditLine *);
typedef unsigned char (*lrnb_key_function)(EditLine *, int);

static inline EditLine *lrnb_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}

static inline int lrnb_el_set_prompt(EditLine *el, lrnb_prompt_function f, char ignore) {
  return el_set(el, EL_PROMPT_ESC, f, ignore);
}

static inline int lrnb_el_set_signal(EditLine *el, int handle) {
  return el_set(el, EL_SIGNAL, handle);
}

static inline int lrnb_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

static inline int lrnb_el_add_function(
    EditLine *el, const char *name, const char *help, lrnb_key_function f) {
  return el_set(el, EL_ADDFN, name, help, f);
}

static inline int lrnb_el_set_client_data(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

static inline void *lrnb_el_client_data(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static inline const char *lrnb_el_editor(EditLine *el) {
  const char *name = NULL;
  el_get(el, EL_EDITOR, &name);
  return name;
}

static inline int lrnb_history_set_size(History *h, int size) {
  HistEvent event;
  return history(h, &event, H_SETSIZE, size);
}

static inline int lrnb_history_enter(History *h, const char *line) {
  HistEvent event;
  return history(h, &event, H_ENTER, line);
}

static inline int lrnb_history_clear(History *h) {
  HistEvent event;
  return history(h, &event, H_CLEAR);
}
