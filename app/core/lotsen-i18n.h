/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

#define LOTSEN_DEFAULT_LANGUAGE "sv"

typedef enum {
  LOTSEN_TEXT_DIRECTION_LTR,
  LOTSEN_TEXT_DIRECTION_RTL,
} LotsenTextDirection;

/* A language's line in po/languages.ini, as the build made it. */
typedef struct
{
  const char          *code;           /* gettext catalogue name, e.g. "ar" */
  const char          *native_name;    /* shown on the language tile, in its own script */
  const char          *english_name;   /* for staff lists and logs */
  const char          *swedish_name;   /* small on the language tile */
  LotsenTextDirection  direction;
  const char          *voice;          /* espeak-ng voice, or NULL */
  const char          *keyboard;       /* on-screen keyboard layout, e.g. "fa" */
  const char          *list_separator; /* between the items of a list, e.g. "، " */
  guint                n_plurals;      /* the catalogue's nplurals */
  guint                coverage;       /* per cent of the template translated */
  gboolean             offered;        /* translated enough to be offered */
} LotsenLanguage;

/* A language is offered from this share of its strings translated. */
#define LOTSEN_I18N_THRESHOLD 90

const LotsenLanguage *lotsen_i18n_get_languages    (guint      *n_languages);
const LotsenLanguage *lotsen_i18n_get_all_languages (guint     *n_languages);
const LotsenLanguage *lotsen_i18n_lookup           (const char *code);
void                  lotsen_i18n_init             (const char *localedir);
gboolean              lotsen_i18n_set_language     (const char *code);
const char           *lotsen_i18n_get_language     (void);
LotsenTextDirection   lotsen_i18n_get_direction    (void);
const char           *lotsen_i18n_translate_in     (const char *code,
                                                    const char *msgid) G_GNUC_FORMAT (2);
const char           *lotsen_i18n_ntranslate_in    (const char *code,
                                                    const char *msgid,
                                                    const char *msgid_plural,
                                                    gulong      n) G_GNUC_FORMAT (3);

G_END_DECLS
