/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "lotsen-store.h"

G_BEGIN_DECLS

/* A language a visitor can ask an interpreter for: any language, not only
 * the kiosk's own. */
typedef struct
{
  const char *code;         /* ISO 639, e.g. "prs" */
  const char *name;         /* its English name, the msgid of its name */
  const char *native_name;  /* its own name, in its own script */
} LotsenInterpreterLanguage;

const LotsenInterpreterLanguage *lotsen_interpreter_get_known  (guint       *n_languages);
const LotsenInterpreterLanguage *lotsen_interpreter_lookup     (const char  *code);
const char                      *lotsen_interpreter_get_name   (const LotsenInterpreterLanguage *language);
GStrv                            lotsen_interpreter_list       (LotsenStore *store);
gboolean                         lotsen_interpreter_add        (LotsenStore *store,
                                                                const char  *code,
                                                                GError     **error);
gboolean                         lotsen_interpreter_remove     (LotsenStore *store,
                                                                const char  *code,
                                                                GError     **error);

G_END_DECLS
